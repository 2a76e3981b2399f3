import { createHmac } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { AuthHardening1764231200000 } from '../migrations/1764231200000-AuthHardening';
import { AppModule } from '../src/app.module';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { bearer, tokenFor } from './utils/auth';
import { queryDb } from './utils/events';
import { createTestApp, createTestDatabase, startInstance, TEST_ADMIN, testConfig, type TestApp } from './utils/test-app';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
function sign(payload: Record<string, unknown>): string {
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', SECRET).update(body).digest('base64url')}`;
}
const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Password policy (NIST SP 800-63B) and token expiry (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const register = (username: string, password: string): request.Test =>
    request(t.baseUrl).post('/api/auth/register').set(bearer(admin)).set('Accept-Language', 'en').send({ username, email: `${username}@school.test`, password, role: 'guru' });

  it('registration refuses a common password, the username, one containing it, and blanks — saying why', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['guru_a', 'password123', /most commonly used/],
      ['guru_b', 'Qwertyuiop', /most commonly used/],
      ['guru_ccc', 'GURU_CCC', /must not be the username/],
      ['guru_d', 'my-guru_d-2024', /must not contain the username/],
      ['guru_e', '          ', /only of whitespace/],
    ];
    for (const [username, password, why] of cases) {
      const res = await register(username, password).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ field: 'password', message: expect.stringMatching(why) }] });
      expect(res.body.detail).toMatch(why);
    }
    const [{ n }] = await queryDb<{ n: number }>(t, `SELECT count(*)::int AS n FROM users WHERE username LIKE 'guru\\_%' AND username <> 'guru_test'`);
    expect(n).toBe(0);
    await register('guru_f', 'kapur-tulis-papan-9').expect(201);
  });

  it('an admin setting a password and a user changing their own follow the policy', async () => {
    const created = (await register('guru_g', 'kapur-tulis-papan-9').expect(201)).body as { id: number };
    const weak = await request(t.baseUrl).put(`/api/auth/users/${created.id}`).set(bearer(admin)).set('Accept-Language', 'en').send({ password: 'iloveyou1' }).expect(422);
    expect(weak.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/most commonly used/) }]);
    // A rename and a password in one update: the password is checked against the new name.
    await request(t.baseUrl).put(`/api/auth/users/${created.id}`).set(bearer(admin)).send({ username: 'bu_ani', password: 'bu_ani-rahasia' }).expect(422);
    const own = (await request(t.baseUrl).post('/api/auth/login').send({ username: 'guru_g', password: 'kapur-tulis-papan-9' }).expect(200)).body;
    const mine = await request(t.baseUrl)
      .put('/api/auth/me/password')
      .set(bearer(own.access_token))
      .set('Accept-Language', 'en')
      .send({ current_password: 'kapur-tulis-papan-9', new_password: 'sunshine1' })
      .expect(422);
    expect(mine.body.errors).toEqual([{ field: 'new_password', message: expect.stringMatching(/most commonly used/) }]);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'guru_g', password: 'kapur-tulis-papan-9' }).expect(200);
  });

  it('an existing user whose password the policy now refuses still logs in', async () => {
    const hash = bcrypt.hashSync('password1', 4);
    await queryDb(t, `INSERT INTO users (username, username_normalized, email, password_hash, role) VALUES ('lama', 'lama', 'lama@school.test', $1, 'staf')`, [hash]);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'lama', password: 'password1' }).expect(200);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'lama', password: 'password1' }).expect(200); // after the argon2 rehash too
  });

  it('an access token without exp is refused, for a request and for the bearer refresh', async () => {
    const { access_token } = (await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200)).body;
    const { exp: _exp, ...claims } = claimsOf(access_token);
    const forever = sign(claims);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(forever)).expect(401);
    await request(t.baseUrl).post('/api/auth/refresh').set(bearer(forever)).expect(401);
    // Control: the same claims with an exp pass, so the refusal is about the missing exp.
    const now = Math.floor(Date.now() / 1000);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(sign({ ...claims, exp: now + 600 }))).expect(200);
    await request(t.baseUrl).post('/api/auth/refresh').set(bearer(sign({ ...claims, exp: now + 600 }))).expect(200);
  });
});

describe('First admin and the password policy (e2e)', () => {
  it('a weak ADMIN_PASSWORD stops the start when the admin would be created, naming the reason', async () => {
    const db = await createTestDatabase();
    // Built by hand rather than with createApp, to close what the failed start had opened.
    const app = await NestFactory.create(AppModule.forRoot(testConfig(db.url, { ADMIN_PASSWORD: 'admin12345' })), new FastifyAdapter(), { logger: false });
    try {
      await expect(app.init()).rejects.toThrow(/ADMIN_PASSWORD is refused: password must not contain the username/);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});

describe('Migration 1764231200000: usernames that normalize alike (e2e)', () => {
  it('keeps one account per normalized name (an active admin first), deactivates the others until renamed', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(buildDataSourceOptions({ url: db.url }));
    await ds.initialize();
    const migration = new AuthHardening1764231200000();
    const hash = bcrypt.hashSync('kapur-tulis-papan-9', 4);
    let t: TestApp | undefined;
    try {
      const runner = ds.createQueryRunner();
      await migration.down(runner);
      // What the old lower(username) index let through: the same name in full-width letters.
      for (const [username, role, active] of [
        ['siti', 'staf', true],
        ['ｓｉｔｉ', 'admin', true],
        ['ｓiti', 'guru', false],
        ['budi', 'guru', true],
        ['ＢＵＤＩ', 'guru', true],
      ] as const) {
        await runner.query(`INSERT INTO users (username, email, password_hash, role, is_active) VALUES ($1, $2, $3, $4, $5)`, [
          username,
          `${Buffer.from(username).toString('hex')}@school.test`,
          hash,
          role,
          active,
        ]);
      }
      await migration.up(runner);
      const rows: Array<{ username: string; username_normalized: string | null; is_active: boolean }> = await runner.query(
        `SELECT username, username_normalized, is_active FROM users WHERE username <> 'admin' ORDER BY id`,
      );
      expect(rows).toEqual([
        { username: 'siti', username_normalized: null, is_active: false },
        { username: 'ｓｉｔｉ', username_normalized: 'siti', is_active: true },
        { username: 'ｓiti', username_normalized: null, is_active: false },
        { username: 'budi', username_normalized: 'budi', is_active: true },
        { username: 'ＢＵＤＩ', username_normalized: null, is_active: false },
      ]);
      await runner.release();

      const { app, config, baseUrl } = await startInstance(db.url);
      t = { app, config, baseUrl, databaseUrl: db.url, close: () => app.close() };
      const login = await request(baseUrl).post('/api/auth/login').send({ username: 'siti', password: 'kapur-tulis-papan-9' }).expect(200);
      expect(login.body.user).toMatchObject({ username: 'ｓｉｔｉ', role: 'admin' });
      const admin = login.body.access_token as string; // ｓｉｔｉ is the admin: the bootstrap created none
      const [clash] = await queryDb<{ id: number }>(t, `SELECT id FROM users WHERE username = 'ＢＵＤＩ'`);
      // Reactivating it under the clashing name is refused; renamed, it logs in again.
      await request(baseUrl).put(`/api/auth/users/${clash.id}`).set(bearer(admin)).send({ is_active: true }).expect(409);
      await request(baseUrl).put(`/api/auth/users/${clash.id}`).set(bearer(admin)).send({ is_active: true, username: 'budi2' }).expect(200);
      await request(baseUrl).post('/api/auth/login').send({ username: 'BUDI2', password: 'kapur-tulis-papan-9' }).expect(200);
    } finally {
      await t?.close();
      await ds.destroy();
      await db.drop();
    }
  });
});
