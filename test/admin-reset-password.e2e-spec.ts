import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { buildApp, ROOT } from './utils/process';
import { createTestApp, TEST_ADMIN, type TestApp } from './utils/test-app';

const run = promisify(execFile);

/** `npm run admin:reset-password` against the app's database (DATABASE_URL here; embedded: first-start e2e). */
describe('admin:reset-password (e2e)', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  const script = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [resolve(ROOT, 'dist', 'scripts', 'reset-admin-password.js'), ...args], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, ADMIN_USERNAME: TEST_ADMIN.username, LOG_LEVEL: 'silent', ...env },
    });

  beforeAll(async () => {
    buildApp();
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a password: the new one logs in, the old one no longer does, refresh tokens are revoked', async () => {
    const before = await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200);
    const { stdout } = await script(['--password', 'a-brand-new-pass-1']);
    expect(stdout).toContain('password: a-brand-new-pass-1');
    await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(401);
    await request(t.baseUrl).post('/api/auth/login').send({ username: TEST_ADMIN.username, password: 'a-brand-new-pass-1' }).expect(200);
    await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: before.body.refresh_token }).expect(401);
  });

  it('generates and prints one when none is given', async () => {
    const { stdout } = await script([]);
    const password = /password: (\S+)/.exec(stdout)?.[1];
    expect(password).toMatch(/^\S{16}$/);
    await request(t.baseUrl).post('/api/auth/login').send({ username: TEST_ADMIN.username, password }).expect(200);
  });

  it('an unknown admin or a short password is a clear error and changes nothing', async () => {
    await expect(script(['--username', 'nobody', '--password', 'whatever-123'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No admin account named "nobody"'),
    });
    await expect(script(['--password', 'short'])).rejects.toMatchObject({ code: 2 });
  });
});
