import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { PgListener } from '../src/database/pg-listener';
import { REVOCATION_CHANNEL } from '../src/auth/session-revocation.service';
import { bearer } from './utils/auth';
import { createTestApp, TEST_ADMIN } from './utils/test-app';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Runs one statement on a short-lived connection of its own. */
async function sql<R extends object = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Terminates the backends of one application name (only ours: the names are unique to this file's run). */
async function terminate(url: string, applicationName: string, database?: string): Promise<number> {
  const rows = await sql<{ pid: number }>(
    url,
    `SELECT pg_terminate_backend(pid) AS ok, pid FROM pg_stat_activity
      WHERE application_name = $1 AND ($2::text IS NULL OR datname = $2)`,
    [applicationName, database ?? null],
  );
  return rows.length;
}

describe('PgListener: a dropped LISTEN connection comes back (e2e)', () => {
  const url = process.env.TEST_PG_ADMIN_URL!;

  it('re-subscribes after its backend is terminated and receives the next NOTIFY', async () => {
    const suffix = randomBytes(4).toString('hex');
    const channel = `test_listener_${suffix}`;
    const applicationName = `test-listener-${suffix}`;
    const received: string[] = [];
    const subscriptions: boolean[] = [];
    let lost = 0;
    const listener = new PgListener({
      url,
      channel,
      applicationName,
      reconnectDelayMs: 100,
      onNotification: (payload) => received.push(payload),
      onSubscribed: (reconnected) => {
        subscriptions.push(reconnected);
      },
      onLost: () => (lost += 1),
    });
    try {
      await listener.start();
      expect(listener.listening).toBe(true);
      await sql(url, 'SELECT pg_notify($1, $2)', [channel, 'before']);
      await until('the first notification', async () => (received.includes('before') ? true : undefined));

      expect(await terminate(url, applicationName)).toBe(1);
      await until('the loss to be noticed', async () => (lost === 1 ? true : undefined));
      await until('the new subscription', async () => (subscriptions.length === 2 && listener.listening ? true : undefined));
      expect(subscriptions).toEqual([false, true]);

      await sql(url, 'SELECT pg_notify($1, $2)', [channel, 'after']);
      await until('a notification after the reconnect', async () => (received.includes('after') ? true : undefined));
    } finally {
      await listener.stop();
    }
    expect(listener.listening).toBe(false);
  });

  it('keeps retrying while the server refuses, and subscribes once it accepts', async () => {
    const suffix = randomBytes(4).toString('hex');
    const channel = `test_listener_${suffix}`;
    const database = `edupro_test_listener_${suffix}`;
    await sql(url, `CREATE DATABASE ${database}`);
    await sql(url, `ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${database}`;
    const received: string[] = [];
    const listener = new PgListener({
      url: dbUrl.toString(),
      channel,
      applicationName: `test-listener-${suffix}`,
      reconnectDelayMs: 100,
      onNotification: (payload) => received.push(payload),
    });
    try {
      await listener.start(); // start-up does not fail on it
      expect(listener.listening).toBe(false);
      await sleep(300);
      await sql(url, `ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await until('the subscription', async () => (listener.listening ? true : undefined));
      await sql(dbUrl.toString(), 'SELECT pg_notify($1, $2)', [channel, 'hello']);
      await until('the notification', async () => (received.includes('hello') ? true : undefined));
    } finally {
      await listener.stop();
      await sql(url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});

describe('The app’s listeners come back after their backends are terminated (e2e)', () => {
  it('a revocation announced after the reconnect still reaches the JWT guard', async () => {
    const t = await createTestApp();
    try {
      const database = new URL(t.databaseUrl).pathname.slice(1);
      const login = await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200);
      const token = login.body.access_token as string;

      // Only this app's backends (its own database), never another test file's.
      expect(await terminate(t.databaseUrl, 'edupro-api-revocations', database)).toBe(1);
      expect(await terminate(t.databaseUrl, 'edupro-api-model-listener', database)).toBe(1);
      for (const name of ['edupro-api-revocations', 'edupro-api-model-listener']) {
        await until(`${name} to reconnect`, async () => {
          const rows = await sql(t.databaseUrl, `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = $2`, [name, database]);
          return rows.length === 1 ? true : undefined;
        });
      }
      // Subscribed again and caught up: the session is now remembered as valid, from memory…
      await until('the session to be served', async () =>
        (await request(t.baseUrl).get('/api/auth/me').set(bearer(token))).status === 200 ? true : undefined,
      );
      // …so only the NOTIFY can tell the guard about a revocation written behind its back.
      const sessions = await sql<{ id: string }>(t.databaseUrl, `UPDATE user_session SET revoked_at = now() WHERE revoked_at IS NULL RETURNING id`);
      expect(sessions.length).toBeGreaterThan(0);
      await request(t.baseUrl).get('/api/auth/me').set(bearer(token)).expect(200);
      await sql(t.databaseUrl, 'SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, sessions.map((s) => s.id).join(',')]);
      await until('the revocation to be refused', async () =>
        (await request(t.baseUrl).get('/api/auth/me').set(bearer(token))).status === 401 ? true : undefined,
      );
    } finally {
      await t.close();
    }
  });
});
