import { randomUUID } from 'node:crypto';
import { EventRetentionService } from '../src/events/event-retention.service';
import { EventWriter } from '../src/events/event-writer.service';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { eventsOf, queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Event log: one row per request (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let guru: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
    guru = await tokenFor(t, 'guru');
  });
  afterAll(async () => {
    await t.close();
  });

  const rid = (): string => `test-${randomUUID()}`;

  it.each([
    ['200 with a token', 'GET', '/api/auth/me', true, 200, 'AUTH', 'auth.me'],
    ['401 without a token', 'GET', '/api/auth/me', false, 401, 'SECURITY', 'auth.me'],
    ['403 for a role', 'GET', '/api/events', 'guru', 403, 'SECURITY', 'events.list'],
    ['404 unknown route', 'GET', '/api/nothing-here', true, 404, 'SYSTEM', 'http.not_found'],
  ])('%s → exactly one event', async (_name, method, path, auth, status, category, action) => {
    const id = rid();
    const req = method === 'GET' ? request(t.baseUrl).get(path) : request(t.baseUrl).post(path);
    if (auth === true) req.set(bearer(admin));
    if (auth === 'guru') req.set(bearer(guru));
    await req.set('X-Request-Id', id).expect(status as number);
    const rows = await eventsOf(t, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status, category, action, method, path, request_id: id });
    // An unknown route never reaches the guard, so it has no actor.
    if (auth === true && status !== 404) expect(rows[0]).toMatchObject({ username: 'admin', role: 'admin' });
    if (auth === 'guru') expect(rows[0]).toMatchObject({ username: 'guru_test', role: 'guru' });
  });

  it('a 422 validation failure has its own row', async () => {
    const id = rid();
    await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .set('X-Request-Id', id)
      .send({ username: 'x', email: 'not-an-email', password: 'short', role: 'boss' })
      .expect(422);
    const rows = await eventsOf(t, id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 422, action: 'auth.register', user_id: expect.any(Number), username: 'admin' });
  });

  it('probes and docs are not logged', async () => {
    const id = rid();
    await request(t.baseUrl).get('/health').set('X-Request-Id', id).expect(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(await eventsOf(t, id, 200)).toHaveLength(0);
  });

  it('a mutation records actor, action, entity id and redacted before/after', async () => {
    const created = await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'audit_me', email: 'audit_me@school.test', password: 'first-password-1', role: 'staf' })
      .expect(201);
    const id = rid();
    await request(t.baseUrl)
      .put(`/api/auth/users/${created.body.id}`)
      .set(bearer(admin))
      .set('X-Request-Id', id)
      .send({ password: 'second-password-2', profile: { nama_lengkap: 'Ibu Audit' } })
      .expect(200);
    const [row] = await eventsOf(t, id);
    expect(row).toMatchObject({
      category: 'AUTH',
      action: 'user.update',
      username: 'admin',
      role: 'admin',
      entity_type: 'user',
      entity_id: String(created.body.id),
    });
    const changes = row.changes as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(changes.before).toMatchObject({ username: 'audit_me', profile: {} });
    expect(changes.after).toMatchObject({ profile: { nama_lengkap: 'Ibu Audit' }, password: '[REDACTED]' });
    const text = JSON.stringify(await queryDb(t, 'SELECT changes FROM event_log'));
    expect(text).not.toContain('second-password-2');
    expect(text).not.toContain('first-password-1');
    expect(text).not.toContain('$argon2');
  });

  it('a refused login leaves no password in the log and names the attempted username', async () => {
    const id = rid();
    await request(t.baseUrl).post('/api/auth/login').set('X-Request-Id', id).send({ username: 'admin', password: 'wrong-one-xyz' }).expect(401);
    const [row] = await eventsOf(t, id);
    expect(row).toMatchObject({ category: 'SECURITY', action: 'auth.login_failed', username: 'admin', user_id: null, ip: expect.any(String) });
    expect(JSON.stringify(row)).not.toContain('wrong-one-xyz');
  });

  it('events endpoints are admin-only', async () => {
    const staf = await tokenFor(t, 'staf');
    for (const path of ['/api/events', '/api/events/recent', '/api/events/summary', '/api/events/security', '/api/events/user-activity/1']) {
      await request(t.baseUrl).get(path).set(bearer(guru)).expect(403);
      await request(t.baseUrl).get(path).set(bearer(staf)).expect(403);
      await request(t.baseUrl).get(path).expect(401);
      await request(t.baseUrl).get(path).set(bearer(admin)).expect(200);
    }
  });

  it('list, recent, summary, security and user-activity answer their shapes', async () => {
    const list = await request(t.baseUrl).get('/api/events?category=SECURITY&limit=5').set(bearer(admin)).expect(200);
    expect(list.body).toMatchObject({ skip: 0, limit: 5, total: expect.any(Number), data: expect.any(Array) });
    expect(list.body.data.every((e: { category: string }) => e.category === 'SECURITY')).toBe(true);
    const recent = await request(t.baseUrl).get('/api/events/recent?limit=3').set(bearer(admin)).expect(200);
    expect(recent.body.length).toBeLessThanOrEqual(3);
    const summary = await request(t.baseUrl).get('/api/events/summary').set(bearer(admin)).expect(200);
    expect(summary.body).toMatchObject({ total: expect.any(Number), by_category: expect.any(Object), by_day: expect.any(Array), top_actions: expect.any(Array) });
    expect(summary.body.latency_ms).toHaveProperty('p95');
    const me = await request(t.baseUrl).get('/api/auth/me').set(bearer(admin)).expect(200);
    const activity = await request(t.baseUrl).get(`/api/events/user-activity/${me.body.id}`).set(bearer(admin)).expect(200);
    expect(activity.body.data.every((e: { user_id: number }) => e.user_id === me.body.id)).toBe(true);
    await request(t.baseUrl).get('/api/events?limit=10001').set(bearer(admin)).expect(400);
    await request(t.baseUrl).get('/api/events?category=NOPE').set(bearer(admin)).expect(400);
  });

  it('the writer stores NUL bytes and lone surrogates safely and isolates a row the database refuses (the batch is written)', async () => {
    const writer = t.app.get(EventWriter);
    const base = { occurred_at: new Date(), category: 'SYSTEM' as const, action: 'test.poison', user_id: null, role: null, method: 'GET', status: 200, duration_ms: 1, ip: null, user_agent: null, entity_type: null, entity_id: null };
    const tag = rid();
    const rejectedBefore = writer.rejected;
    writer.push({ ...base, request_id: `${tag}-a`, username: 'a\u0000', path: '/nul\ud800', changes: { ['k\u0000']: 'v\u0000' } });
    writer.push({ ...base, request_id: `${tag}-b`, username: null, path: '/refused', status: 70_000, changes: null });
    writer.push({ ...base, request_id: `${tag}-c`, username: 'plain', path: '/fine', changes: null });
    await writer.flush();
    const rows = await queryDb<{ request_id: string; username: string | null; path: string; changes: unknown }>(
      t,
      'SELECT request_id, username, path, changes FROM event_log WHERE request_id LIKE $1 ORDER BY request_id',
      [`${tag}-%`],
    );
    expect(rows).toEqual([
      { request_id: `${tag}-a`, username: 'a\uFFFD', path: '/nul\uFFFD', changes: { 'k\uFFFD': 'v\uFFFD' } },
      { request_id: `${tag}-c`, username: 'plain', path: '/fine', changes: null },
    ]);
    expect(writer.rejected).toBe(rejectedBefore + 1);
    const metrics = await request(t.baseUrl).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/edupro_events_lost_total\{reason="rejected"\} [1-9]/);
    // Not poisoned: the next request's row is written.
    const id = rid();
    await request(t.baseUrl).get('/api/auth/me').set(bearer(admin)).set('X-Request-Id', id).expect(200);
    await expect(eventsOf(t, id)).resolves.toHaveLength(1);
  });

  it('the retention purge deletes rows older than the retention period', async () => {
    await queryDb(t, `INSERT INTO event_log (occurred_at, category, action, method, path, status, duration_ms)
                      VALUES (now() - interval '400 days', 'SYSTEM', 'old.thing', 'GET', '/old', 200, 1)`);
    await expect(t.app.get(EventRetentionService).purge()).resolves.toBeGreaterThanOrEqual(1);
    await expect(queryDb(t, `SELECT 1 FROM event_log WHERE action = 'old.thing'`)).resolves.toHaveLength(0);
  });
});
