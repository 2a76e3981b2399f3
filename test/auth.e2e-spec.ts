import request from 'supertest';
import { createApp } from '../src/app.setup';
import { AdminBootstrapService } from '../src/auth/admin-bootstrap.service';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, TEST_ADMIN, type TestApp } from './utils/test-app';

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('Auth: login, tokens, refresh, logout (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it("the client's form-urlencoded login returns a bearer token with a numeric exp", async () => {
    const res = await request(t.baseUrl)
      .post('/api/auth/token')
      .type('form')
      .send({ username: TEST_ADMIN.username, password: TEST_ADMIN.password, grant_type: 'password' })
      .expect(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', user: { role: 'admin', username: 'admin' } });
    expect(typeof res.body.access_token).toBe('string');
    expect(typeof res.body.refresh_token).toBe('string');
    expect(res.body.expires_in).toBe(120 * 60);
    expect(res.body.user.password_hash).toBeUndefined();
    const payload = payloadOf(res.body.access_token);
    expect(typeof payload.exp).toBe('number');
    expect(payload).toMatchObject({ username: 'admin', role: 'admin', typ: 'access' });
    expect(typeof payload.sid).toBe('string');
  });

  it('JSON login on /auth/token and /auth/login', async () => {
    await request(t.baseUrl).post('/api/auth/token').send(TEST_ADMIN).expect(200);
    const res = await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200);
    expect(res.body.user.is_active).toBe(true);
  });

  it('tokenFor gives working guru and staf tokens', async () => {
    const guru = await tokenFor(t, 'guru');
    const me = await request(t.baseUrl).get('/api/auth/me').set(bearer(guru)).expect(200);
    expect(me.body).toMatchObject({ username: 'guru_test', role: 'guru', is_active: true });
    const staf = await tokenFor(t, 'staf');
    await request(t.baseUrl).get('/api/auth/me').set(bearer(staf)).expect(200);
  });

  it('POST /auth/refresh with only the bearer header returns a new access token', async () => {
    const login = await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200);
    const res = await request(t.baseUrl).post('/api/auth/refresh').set(bearer(login.body.access_token)).expect(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: expect.any(Number) });
    expect(payloadOf(res.body.access_token).sid).toBe(payloadOf(login.body.access_token).sid);
    await request(t.baseUrl).get('/api/auth/me').set(bearer(res.body.access_token)).expect(200);
  });

  it('refresh with the bearer token also accepts an empty JSON object body', async () => {
    const login = await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200);
    await request(t.baseUrl).post('/api/auth/refresh').set(bearer(login.body.access_token)).send({}).expect(200);
  });
});

describe('First admin bootstrap (e2e)', () => {
  it('without ADMIN_PASSWORD generates one, hands it to the start-up banner once, and it works', async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    let t: TestApp | undefined;
    try {
      t = await createTestApp({ ADMIN_PASSWORD: '', ADMIN_USERNAME: 'kepala' });
    } finally {
      spy.mockRestore();
    }
    try {
      // main.ts prints it in the banner after listening (lifecycle e2e); the app itself prints nothing.
      const bootstrap = t.app.get(AdminBootstrapService);
      const login = bootstrap.takeGeneratedLogin();
      expect(login?.username).toBe('kepala');
      const password = login?.password;
      expect(password).toBeDefined();
      expect(printed.join('')).not.toContain(password!);
      expect(bootstrap.takeGeneratedLogin()).toBeUndefined();
      const res = await request(t.baseUrl).post('/api/auth/login').send({ username: 'kepala', password }).expect(200);
      expect(res.body.user.role).toBe('admin');

      // A second instance on the same database finds the admin and prints nothing.
      const again: string[] = [];
      const spy2 = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        again.push(String(chunk));
        return true;
      });
      const second = await createApp(t.config).finally(() => spy2.mockRestore());
      const secondLogin = second.get(AdminBootstrapService).takeGeneratedLogin();
      await second.close();
      expect(secondLogin).toBeUndefined();
      expect(again.join('')).not.toContain('password');
    } finally {
      await t.close();
    }
  });
});
