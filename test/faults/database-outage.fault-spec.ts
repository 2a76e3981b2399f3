import { Client } from 'pg';
import type { RunningApp } from '../utils/process';
import { login, runLoad } from './support/load';
import { FAULT_ADMIN_PASSWORD as ADMIN_PASSWORD, startOwnedStack } from './support/owned-app';
import type { OwnedPostgres } from './support/pg-server';

/**
 * PostgreSQL stops and comes back while writes run: requests during the outage fail fast with 503
 * problem+json, the app recovers by itself within 5 s, and every acknowledged write is stored.
 */
describe('Database outage under load (fault)', () => {
  let pg: OwnedPostgres;
  let app: RunningApp;
  let baseUrl: string;

  beforeAll(async () => {
    ({ pg, app, baseUrl } = await startOwnedStack());
  });

  afterAll(async () => {
    app?.child.kill('SIGTERM');
    await app?.exited;
    await pg?.stop();
  });

  it('fails fast with 503 during the outage, recovers within 5 s, loses no acknowledged write', async () => {
    const token = await login(baseUrl, 'admin', ADMIN_PASSWORD);
    const run = Date.now().toString(36).slice(-5);
    const load = runLoad(baseUrl, 8, (seq) => {
      const nis = `F${run}${String(seq).padStart(6, '0')}`;
      return {
        method: 'POST',
        path: '/api/siswa',
        headers: { authorization: `Bearer ${token}` },
        body: { nis, nama: `Siswa Uji ${seq}`, kelas: 'XI IPA 1', jenis_kelamin: 'L', tanggal_lahir: '2008-03-04' },
        key: nis,
      };
    });
    await new Promise((r) => setTimeout(r, 2000));
    const outageStart = Date.now();
    await pg.stop();
    await new Promise((r) => setTimeout(r, 4000));
    await pg.start();
    const dbBack = Date.now();
    await new Promise((r) => setTimeout(r, 6000));
    await load.stop();

    const outcomes = load.outcomes;
    const during = outcomes.filter((o) => o.startedAt > outageStart + 500 && o.startedAt < dbBack - 500);
    expect(during.length).toBeGreaterThan(0);
    // Fail fast: no request started during the outage hung for long.
    expect(Math.max(...during.map((o) => o.ms))).toBeLessThan(5000);
    const unavailable = during.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((o) => o.contentType.startsWith('application/problem+json'))).toBe(true);
    expect(during.filter((o) => o.status >= 500 && o.status !== 503)).toEqual([]);
    // Recovery: a write started within 5 s of the database returning succeeded.
    const firstOk = outcomes.find((o) => o.startedAt >= dbBack && o.status === 201);
    expect(firstOk).toBeDefined();
    expect(firstOk!.startedAt - dbBack).toBeLessThan(5000);
    const after = outcomes.filter((o) => o.startedAt > dbBack + 5000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((o) => o.status === 201)).toBe(true);

    // Durability: every acknowledged write is in the database.
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.key!);
    const db = new Client({ connectionString: pg.url() });
    await db.connect();
    const { rows } = await db.query<{ nis: string }>('SELECT nis FROM siswa WHERE nis = ANY($1)', [acknowledged]);
    await db.end();
    expect(rows.length).toBe(acknowledged.length);
  });
});
