import { createHmac } from 'node:crypto';
import { createApp } from '../src/app.setup';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, TEST_ADMIN, type TestApp } from './utils/test-app';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

function sign(payload: Record<string, unknown>, secret = SECRET, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function login(t: TestApp, username = TEST_ADMIN.username, password = TEST_ADMIN.password): Promise<{ access_token: string; refresh_token: string; user: { id: number } }> {
  const res = await request(t.baseUrl).post('/api/auth/login').send({ username, password }).expect(200);
  return res.body;
}

async function expect401(t: TestApp, token: string): Promise<void> {
  const res = await request(t.baseUrl).get('/api/auth/me').set(bearer(token)).expect(401);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

describe('Auth: token validation, refresh rotation, logout (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('no token → 401 with WWW-Authenticate: Bearer', async () => {
    const res = await request(t.baseUrl).get('/api/auth/me').expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('alg none, a wrong signature and an expired token → 401', async () => {
    const { access_token } = await login(t);
    const claims = payloadOf(access_token);
    await expect401(t, `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
    await expect401(t, sign(claims, 'another-secret-of-sufficient-length-000000'));
    const now = Math.floor(Date.now() / 1000);
    await expect401(t, sign({ ...claims, iat: now - 7200, exp: now - 60 }));
    // Control: the same claims signed properly pass, so the refusals above are about the defects.
    await request(t.baseUrl).get('/api/auth/me').set(bearer(sign({ ...claims, exp: now + 600 }))).expect(200);
  });

  it('a token without typ=access, and a refresh token used as an access token → 401', async () => {
    const { access_token, refresh_token } = await login(t);
    const { typ: _typ, ...claims } = payloadOf(access_token);
    await expect401(t, sign(claims));
    await expect401(t, refresh_token);
  });

  it('refresh with a refresh token rotates it; reusing the old one revokes the session', async () => {
    const first = await login(t);
    const rotated = await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: first.refresh_token }).expect(200);
    expect(rotated.body.refresh_token).toEqual(expect.any(String));
    expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(rotated.body.access_token)).expect(200);

    const reuse = await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: first.refresh_token }).expect(401);
    expect(reuse.headers['www-authenticate']).toMatch(/^Bearer/);
    // The whole session is gone: the new refresh token and every access token of it are refused.
    await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: rotated.body.refresh_token }).expect(401);
    await expect401(t, rotated.body.access_token);
    await expect401(t, first.access_token);
  });

  it('refresh without any credential → 401; with a garbage refresh token → 401', async () => {
    await request(t.baseUrl).post('/api/auth/refresh').expect(401);
    await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: 'nope' }).expect(401);
  });

  it('logout refuses the access token and the refresh token of that session only', async () => {
    const a = await login(t);
    const b = await login(t);
    await request(t.baseUrl).post('/api/auth/logout').set(bearer(a.access_token)).expect(204);
    await expect401(t, a.access_token);
    await request(t.baseUrl).post('/api/auth/refresh').set(bearer(a.access_token)).expect(401);
    await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: a.refresh_token }).expect(401);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(b.access_token)).expect(200);
  });

  it('GET /auth/verify answers 204 with the user headers for a proxy', async () => {
    const { access_token, user } = await login(t);
    const res = await request(t.baseUrl).get('/api/auth/verify').set(bearer(access_token)).expect(204);
    expect(res.headers).toMatchObject({ 'x-user-id': String(user.id), 'x-user-role': 'admin', 'x-username': 'admin' });
    await request(t.baseUrl).get('/api/auth/verify').expect(401);
  });

  it('a deactivated user cannot log in and their old tokens are refused', async () => {
    const admin = await tokenFor(t, 'admin');
    const created = await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'soon_inactive', email: 'soon_inactive@school.test', password: 'inactive-pass-1', role: 'guru' })
      .expect(201);
    const session = await login(t, 'soon_inactive', 'inactive-pass-1');
    await request(t.baseUrl).put(`/api/auth/users/${created.body.id}`).set(bearer(admin)).send({ is_active: false }).expect(200);
    await expect401(t, session.access_token);
    await request(t.baseUrl).post('/api/auth/refresh').send({ refresh_token: session.refresh_token }).expect(401);
    const res = await request(t.baseUrl).post('/api/auth/login').send({ username: 'soon_inactive', password: 'inactive-pass-1' }).expect(403);
    expect(res.body).toMatchObject({ code: 'USER_INACTIVE', detail: expect.stringMatching(/belum aktif/) });
  });

  it('a deleted user’s tokens are refused', async () => {
    const admin = await tokenFor(t, 'admin');
    const created = await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'to_delete', email: 'to_delete@school.test', password: 'delete-pass-1', role: 'staf' })
      .expect(201);
    const session = await login(t, 'to_delete', 'delete-pass-1');
    await request(t.baseUrl).get('/api/auth/me').set(bearer(session.access_token)).expect(200);
    await request(t.baseUrl).delete(`/api/auth/users/${created.body.id}`).set(bearer(admin)).expect(204);
    await expect401(t, session.access_token);
  });

  it('a password change ends the other sessions but keeps the current one', async () => {
    const admin = await tokenFor(t, 'admin');
    await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'changer', email: 'changer@school.test', password: 'ganti-kunci-1', role: 'guru' })
      .expect(201);
    const current = await login(t, 'changer', 'ganti-kunci-1');
    const other = await login(t, 'changer', 'ganti-kunci-1');
    await request(t.baseUrl)
      .put('/api/auth/me/password')
      .set(bearer(current.access_token))
      .send({ current_password: 'wrong-password', new_password: 'ganti-kunci-2' })
      .expect(400);
    await request(t.baseUrl)
      .put('/api/auth/me/password')
      .set(bearer(current.access_token))
      .send({ current_password: 'ganti-kunci-1', new_password: 'ganti-kunci-2' })
      .expect(204);
    await expect401(t, other.access_token);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(current.access_token)).expect(200);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'changer', password: 'ganti-kunci-1' }).expect(401);
    await login(t, 'changer', 'ganti-kunci-2');
  });
});

describe('Auth: revocation reaches every instance (e2e)', () => {
  it('a logout on one instance is refused by another within one second', async () => {
    const a = await createTestApp();
    const second = await createApp(a.config);
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    const bUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const { access_token } = (await request(a.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200)).body;
      await request(bUrl).get('/api/auth/me').set(bearer(access_token)).expect(200); // B now caches it as valid
      await request(a.baseUrl).post('/api/auth/logout').set(bearer(access_token)).expect(204);
      const deadline = Date.now() + 1000;
      let status = 200;
      while (Date.now() < deadline && status !== 401) {
        status = (await request(bUrl).get('/api/auth/me').set(bearer(access_token))).status;
        if (status !== 401) await new Promise((r) => setTimeout(r, 20));
      }
      expect(status).toBe(401);
    } finally {
      await second.close();
      await a.close();
    }
  });
});
