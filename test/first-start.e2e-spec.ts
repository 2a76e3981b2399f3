import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { findFreePort } from '../src/database/embedded-postgres';
import { buildApp, ROOT, type RunningApp, startApp, waitForOutput } from './utils/process';

function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _drop, ...env } = process.env;
  return env;
}

/**
 * A newcomer's first hour (issue #12): `npm start` with nothing configured — no ADMIN_PASSWORD, no
 * EMBEDDED_PG_PORT, the default log level, the demo school — on two clones side by side.
 */
describe('First start with nothing configured (e2e)', () => {
  jest.setTimeout(300_000);
  const running: RunningApp[] = [];

  function freshDataDir(): string {
    const parent = mkdtempSync(join(tmpdir(), 'edupro-first-start-'));
    chmodSync(parent, 0o755);
    return join(parent, 'postgres');
  }

  async function start(dataDir: string, port: number): Promise<RunningApp> {
    const app = startApp({ PORT: String(port), EMBEDDED_PG_DATA_DIR: dataDir, LOG_LEVEL: 'info', ADMIN_PASSWORD: '' });
    running.push(app);
    await waitForOutput(app, /listening on[\s\S]*={72}\n/, 240_000);
    // Anything logged during start-up would appear now, after the banner, if the order were wrong.
    await new Promise((r) => setTimeout(r, 500));
    return app;
  }

  beforeAll(() => buildApp());
  afterAll(async () => {
    for (const app of running) {
      if (app.child.exitCode === null) {
        app.child.kill('SIGTERM');
        await app.exited;
      }
    }
  });

  it('the banner is the last thing printed, has the working admin login, and the client sees all 120 demo students', async () => {
    const port = await findFreePort();
    const dataDir = freshDataDir();
    const app = await start(dataDir, port);
    const output = app.output();
    const lines = output.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toBe('='.repeat(72));
    const banner = output.slice(output.lastIndexOf('EduPro API listening on'));
    // HOST unset → the default: loopback, and the banner names the address really listened on.
    expect(banner).toContain(`EduPro API listening on http://127.0.0.1:${port}\n`);
    expect(banner).toContain(`data in ${dataDir}`);
    expect(output).not.toMatch(/Mapped \{|dependencies initialized/);
    const password = /password: (\S+)/.exec(banner)?.[1];
    expect(password).toBeDefined();

    const base = `http://127.0.0.1:${port}`;
    const login = await request(base).post('/api/auth/token').type('form').send({ username: 'admin', password }).expect(200);
    // Exactly the client's list call: no limit, no other query.
    const list = await request(base).get('/api/siswa').set('Authorization', `Bearer ${login.body.access_token}`).expect(200);
    expect(list.body).toHaveLength(120);
    expect(list.headers['x-total-count']).toBe('120');
    const nilai = await request(base).get('/api/nilai').set('Authorization', `Bearer ${login.body.access_token}`).expect(200);
    expect(nilai.body.length).toBe(Number(nilai.headers['x-total-count']));
    expect(nilai.body.length).toBeGreaterThan(100);

    // A second clone (another data directory, EMBEDDED_PG_PORT unset) starts beside the first.
    const secondDir = freshDataDir();
    const second = await start(secondDir, await findFreePort());
    const firstPg = Number(readFileSync(join(dataDir, 'edupro-port'), 'utf8'));
    const secondPg = Number(readFileSync(join(secondDir, 'edupro-port'), 'utf8'));
    expect(secondPg).not.toBe(firstPg);
    expect(second.output()).toContain(`psql postgres://postgres:edupro@127.0.0.1:${secondPg}/edupro`);

    // Restarted, the first keeps its port (the psql line in the README stays true).
    app.child.kill('SIGTERM');
    await expect(app.exited).resolves.toBe(0);
    const again = await start(dataDir, port);
    expect(again.output()).toContain(`psql postgres://postgres:edupro@127.0.0.1:${firstPg}/edupro`);
    expect(again.output()).toContain('admin (forgot the password? npm run admin:reset-password)');

    // The README's recovery: reset the password while the API runs on its embedded database.
    const reset = spawnSync('npm', ['run', '-s', 'admin:reset-password'], {
      cwd: ROOT,
      env: { ...withoutDatabaseUrl(), EMBEDDED_PG_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(reset.status).toBe(0);
    const newPassword = /password: (\S+)/.exec(reset.stdout)?.[1];
    await request(base).post('/api/auth/login').send({ username: 'admin', password: newPassword }).expect(200);
    await request(base).post('/api/auth/login').send({ username: 'admin', password }).expect(401);
  });
});
