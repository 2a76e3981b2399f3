import { findFreePort } from '../../src/database/embedded-postgres';
import { buildApp, type RunningApp, startApp, waitForOutput } from '../utils/process';
import { login } from './support/load';
import { OwnedPostgres } from './support/pg-server';

const ADMIN_PASSWORD = 'fault-root-password-1';

/** Polls `check` every 50 ms until it returns true; resolves with the elapsed milliseconds. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

/**
 * Two app instances on one database behind a round-robin: logout and model activation take effect on
 * both within one second, concurrent training requests on both yield one new model version, and the
 * login throttle and the expensive-route limits count across both.
 */
describe('Two instances on one database (fault)', () => {
  let pg: OwnedPostgres;
  const apps: RunningApp[] = [];
  const urls: string[] = [];
  let turn = 0;
  /** The round-robin: each call goes to the next instance. */
  const next = (): string => urls[turn++ % urls.length]!;
  const call = (base: string, path: string, token: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    buildApp();
    pg = await OwnedPostgres.create();
    for (let i = 0; i < 2; i++) {
      const port = await findFreePort();
      // The first instance creates the schema, the demo school and the first model; the second joins.
      const app = startApp({
        DATABASE_URL: pg.url(),
        PORT: String(port),
        ADMIN_PASSWORD,
        DEMO_DATA: i === 0 ? 'true' : 'false',
        DEMO_STUDENTS: '150',
        // Low enough to reach in a test; the counters live in PostgreSQL, shared by both instances.
        RATE_LIMIT_EXPORT: '4',
      });
      await waitForOutput(app, /listening on/, 120_000);
      apps.push(app);
      urls.push(`http://127.0.0.1:${port}`);
    }
  });

  afterAll(async () => {
    for (const app of apps) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await pg?.stop();
  });

  it('logout on one instance is refused on both within one second', async () => {
    const token = await login(next(), 'admin', ADMIN_PASSWORD);
    for (const base of urls) expect((await call(base, '/api/auth/me', token)).status).toBe(200);
    expect((await call(urls[0]!, '/api/auth/logout', token, { method: 'POST' })).status).toBe(204);
    const elapsed = await within(1000, async () => (await call(urls[1]!, '/api/auth/me', token)).status === 401);
    expect(elapsed).toBeLessThanOrEqual(1000);
    expect((await call(urls[0]!, '/api/auth/me', token)).status).toBe(401);
  });

  it('activating a model version on one instance is served by the other within one second', async () => {
    const token = await login(next(), 'admin', ADMIN_PASSWORD);
    const trained = await call(next(), '/api/prediksi/train', token, { method: 'POST', body: '{}' });
    expect(trained.status).toBe(201);
    const models = (await (await call(next(), '/api/prediksi/models', token)).json()) as Array<{ version: number }>;
    const oldest = Math.min(...models.map((m) => m.version));
    const activated = await call(urls[0]!, `/api/prediksi/models/${oldest}/activate`, token, { method: 'POST' });
    expect(activated.status).toBeLessThan(300);
    const served = async (base: string): Promise<boolean> => {
      const res = await call(base, '/api/prediksi/model-metrics', token);
      return ((await res.json()) as { model_version: number }).model_version === oldest;
    };
    await expect(within(1000, () => served(urls[1]!))).resolves.toBeLessThanOrEqual(1000);
    await expect(served(urls[0]!)).resolves.toBe(true);
  });

  it('training requested on both instances at once yields one new version', async () => {
    const token = await login(next(), 'admin', ADMIN_PASSWORD);
    const versions = async (): Promise<number[]> =>
      ((await (await call(next(), '/api/prediksi/models', token)).json()) as Array<{ version: number }>).map((m) => m.version);
    const before = await versions();
    const responses = await Promise.all(urls.map((base) => call(base, '/api/prediksi/train', token, { method: 'POST', body: '{}' })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.every((s) => s === 200 || s === 201 || s === 409)).toBe(true);
    const after = await versions();
    expect(after.length).toBe(before.length + 1);
  });

  it('failed logins spread over both instances add up to one throttle', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${next()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'intruder', password: `guess-${i}` }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('an expensive-route limit holds across both instances', async () => {
    const token = await login(next(), 'admin', ADMIN_PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(next(), '/api/siswa/export/csv', token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });
});
