import { Client } from 'pg';
import request from 'supertest';
import { EventWriter } from '../src/events/event-writer.service';
import { bearer, tokenFor } from './utils/auth';
import { queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * The event writer falls behind (here: event_log locked by another session, so its INSERTs wait):
 * once EVENT_BUFFER_MAX_ROWS rows wait, new requests get 503 instead of rows being dropped, and every
 * request that was served has its row once the writer catches up.
 */
describe('Hardening: event-log back-pressure instead of dropped rows (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ EVENT_BUFFER_MAX_ROWS: '20' });
    admin = await tokenFor(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses with 503 EVENT_LOG_BACKLOG while the buffer is full, loses no served request’s row, recovers', async () => {
    const writer = t.app.get(EventWriter);
    await writer.flush();
    const lock = new Client({ connectionString: t.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE event_log IN ACCESS EXCLUSIVE MODE');
    const tag = `bp-${Date.now()}`;
    const outcomes: Array<{ id: string; status: number; code?: string; retryAfter?: string }> = [];
    try {
      for (let i = 0; i < 60; i++) {
        const id = `${tag}-${i}`;
        const res = await request(t.baseUrl).get('/api/auth/me').set(bearer(admin)).set('X-Request-Id', id);
        outcomes.push({ id, status: res.status, code: res.body?.code, retryAfter: res.headers['retry-after'] });
        // Give the writer's timer a chance to start (and block on) an INSERT now and then.
        if (i % 10 === 0) await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      await lock.query('COMMIT');
      await lock.end();
    }
    const served = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status === 503);
    expect(served.length + refused.length).toBe(outcomes.length);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.code === 'EVENT_LOG_BACKLOG' && o.retryAfter === '5')).toBe(true);

    // Caught up: every served request has exactly its row, the refused ones none.
    await writer.flush();
    const rows = await queryDb<{ request_id: string }>(t, 'SELECT request_id FROM event_log WHERE request_id LIKE $1', [`${tag}-%`]);
    expect(rows.map((r) => r.request_id).sort()).toEqual(served.map((o) => o.id).sort());
    expect(writer.rejected + writer.lost).toBe(0);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(admin)).expect(200);
    const metrics = await request(t.baseUrl).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/edupro_events_backpressure_total [1-9]/);
  });
});
