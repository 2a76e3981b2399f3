import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { findFreePort } from '../src/database/embedded-postgres';
import { buildApp, postgresProcessesFor, startApp, waitForOutput } from './utils/process';

/**
 * The `npm start` path on a machine with nothing configured: embedded PostgreSQL under a data
 * directory, a second copy refused, SIGTERM leaving nothing behind, and a restart keeping the data.
 */
describe('Start-up and shutdown with the embedded database (e2e)', () => {
  jest.setTimeout(180_000);
  let dataDir: string;
  let env: Record<string, string>;
  let appPort: number;
  let pgPort: number;

  beforeAll(async () => {
    buildApp();
    const parent = mkdtempSync(join(tmpdir(), 'edupro-lifecycle-'));
    chmodSync(parent, 0o755);
    dataDir = join(parent, 'postgres');
    appPort = await findFreePort();
    pgPort = await findFreePort();
    env = {
      PORT: String(appPort),
      EMBEDDED_PG_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      ADMIN_PASSWORD: 'lifecycle-password-1',
      DEMO_DATA: 'false',
    };
  });

  it('`npm start` starts, refuses a second copy, stops cleanly on SIGTERM and keeps its data', async () => {
    // Through npm itself, as the README says: npm must pass SIGTERM on to the app.
    const first = startApp(env, { viaNpm: true });
    await waitForOutput(first, /listening on/);
    const base = `http://127.0.0.1:${appPort}`;
    await request(base).get('/health').expect(200);
    await request(base).get('/docs').redirects(1).expect(200);

    const marker = `lifecycle-${Date.now()}`;
    const db = new Client({ connectionString: `postgres://postgres:edupro@127.0.0.1:${pgPort}/edupro` });
    await db.connect();
    await db.query(`INSERT INTO app_setting (key, value) VALUES ('test.marker', $1)`, [JSON.stringify(marker)]);
    await db.end();

    const second = startApp({ ...env, PORT: String(await findFreePort()) });
    await expect(second.exited).resolves.toBe(1);
    expect(second.output()).toMatch(/in use/);
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);
    await request(base).get('/health').expect(200);

    first.child.kill('SIGTERM');
    await expect(first.exited).resolves.toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const again = startApp(env);
    await waitForOutput(again, /listening on/);
    const db2 = new Client({ connectionString: `postgres://postgres:edupro@127.0.0.1:${pgPort}/edupro` });
    await db2.connect();
    const { rows } = await db2.query(`SELECT value FROM app_setting WHERE key = 'test.marker'`);
    await db2.end();
    expect(rows[0]?.value).toBe(marker);
    again.child.kill('SIGINT');
    await expect(again.exited).resolves.toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });
});
