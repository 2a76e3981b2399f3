import { Client } from 'pg';
import { findFreePort } from '../../src/database/embedded-postgres';
import { buildApp, type RunningApp, startApp, waitForOutput } from '../utils/process';
import { login, runLoad } from './support/load';
import { OwnedPostgres } from './support/pg-server';

const ADMIN_PASSWORD = 'fault-admin-password-1';

/** SIGTERM while requests run: in-flight requests complete, the event buffer is flushed, exit code 0. */
describe('SIGTERM under load (fault)', () => {
  let pg: OwnedPostgres;
  let app: RunningApp;
  let baseUrl: string;

  beforeAll(async () => {
    buildApp();
    pg = await OwnedPostgres.create();
    const port = await findFreePort();
    app = startApp({ DATABASE_URL: pg.url(), PORT: String(port), ADMIN_PASSWORD, DEMO_DATA: 'false' });
    await waitForOutput(app, /listening on/);
    baseUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
    await pg?.stop();
  });

  it('drains, flushes and exits 0', async () => {
    const token = await login(baseUrl, 'admin', ADMIN_PASSWORD);
    const run = Date.now().toString(36).slice(-5);
    const load = runLoad(baseUrl, 16, (seq) =>
      seq % 2 === 0
        ? { method: 'GET', path: '/api/siswa?limit=10', headers: { authorization: `Bearer ${token}` } }
        : {
            method: 'POST',
            path: '/api/siswa',
            headers: { authorization: `Bearer ${token}` },
            body: { nis: `T${run}${String(seq).padStart(6, '0')}`, nama: `Siswa ${seq}`, kelas: 'X IPA 2', jenis_kelamin: 'P', tanggal_lahir: '2009-01-02' },
          },
    );
    await new Promise((r) => setTimeout(r, 2000));
    const sigtermAt = Date.now();
    app.child.kill('SIGTERM');
    await expect(app.exited).resolves.toBe(0);
    await load.stop();

    const beforeSignal = load.outcomes.filter((o) => o.startedAt + o.ms < sigtermAt || o.startedAt < sigtermAt - 20);
    expect(beforeSignal.length).toBeGreaterThan(50);
    expect(beforeSignal.filter((o) => o.status === 0 || o.status >= 500)).toEqual([]);

    // Every answered request was logged: the buffer was flushed before exit.
    const answered = load.outcomes.filter((o) => o.status > 0).length;
    const db = new Client({ connectionString: pg.url() });
    await db.connect();
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM event_log WHERE path LIKE '/api/siswa%' AND occurred_at >= now() - interval '5 minutes'",
    );
    await db.end();
    expect(Number(rows[0]!.n)).toBe(answered);
  });
});
