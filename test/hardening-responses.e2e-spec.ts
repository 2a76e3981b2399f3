import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, TEST_ADMIN, type TestApp } from './utils/test-app';

describe('Hardening: Cache-Control on authenticated answers and exports (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['/api/siswa', '/api/auth/me', '/api/siswa/count', '/api/events/recent', '/api/prediksi/history'])('GET %s → Cache-Control: no-store', async (path) => {
    const res = await request(t.baseUrl).get(path).set(bearer(admin)).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each(['/api/siswa/export/excel', '/api/siswa/export/csv', '/api/nilai/export/excel', '/api/prediksi/history/export/excel'])(
    'export %s → Cache-Control: no-store',
    async (path) => {
      const res = await request(t.baseUrl).get(path).set(bearer(admin)).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );

  it('token responses and errors are not cached either', async () => {
    const login = await request(t.baseUrl).post('/api/auth/token').type('form').send(TEST_ADMIN).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const denied = await request(t.baseUrl).get('/api/siswa').expect(401);
    expect(denied.headers['cache-control']).toBe('no-store');
  });
});

describe('Hardening: /metrics in production without METRICS_TOKEN (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await t.close();
  });

  const inject = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/metrics', remoteAddress, headers });

  it('answers a loopback client', async () => {
    const res = await inject('127.0.0.1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('edupro_http_requests_total');
    expect((await inject('::1')).statusCode).toBe(200);
  });

  it('refuses any other client with 403 problem+json', async () => {
    const res = await inject('192.0.2.10');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'METRICS_LOOPBACK_ONLY' });
  });

  it('refuses a loopback peer forwarding someone else (a proxy on the same host)', async () => {
    expect((await inject('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(403);
  });
});
