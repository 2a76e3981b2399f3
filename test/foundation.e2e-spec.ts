import { Client } from 'pg';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Foundation pipeline (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /health answers the client shape', async () => {
    const res = await request(t.baseUrl).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'healthy', timestamp: expect.any(String) });
    expect(Number.isNaN(Date.parse(res.body.timestamp))).toBe(false);
  });

  it('liveness and readiness probes answer under /api/health', async () => {
    await request(t.baseUrl).get('/api/health/live').expect(200);
    const ready = await request(t.baseUrl).get('/api/health/ready').expect(200);
    expect(ready.body.checks).toMatchObject({ database: 'up', migrations: 'applied', model: 'ok' });
  });

  it('readiness is 503 problem+json while a migration is pending', async () => {
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query('DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING *');
      const res = await request(t.baseUrl).get('/api/health/ready').set('Accept-Language', 'en').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/migrations: pending/);
      await db.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [rows[0].id, rows[0].timestamp, rows[0].name]);
      await request(t.baseUrl).get('/api/health/ready').expect(200);
    } finally {
      await db.end();
    }
  });

  it('an unknown route is 404 problem+json with a detail', async () => {
    const res = await request(t.baseUrl).get('/api/does-not-exist').set('Accept-Language', 'en').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/does-not-exist' });
    expect(typeof res.body.detail).toBe('string');
  });

  it('a body over the limit is 413 problem+json', async () => {
    const res = await request(t.baseUrl)
      .post('/api/does-not-exist')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'en')
      .send(JSON.stringify({ big: 'x'.repeat(5000) }))
      .expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/too large|limit/i);
  });

  it('malformed JSON is 400 problem+json', async () => {
    const res = await request(t.baseUrl)
      .post('/api/health/live')
      .set('Content-Type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/JSON/i);
  });

  it('echoes a well-formed X-Request-Id and generates one otherwise', async () => {
    const echoed = await request(t.baseUrl).get('/health').set('X-Request-Id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const generated = await request(t.baseUrl).get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers (helmet)', async () => {
    const res = await request(t.baseUrl).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it("sends helmet's whole header set on every kind of answer (success, 401, 404, a docs asset)", async () => {
    const helmetHeaders = {
      'content-security-policy': expect.stringContaining("frame-ancestors 'self'") as unknown,
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    for (const path of ['/health', '/api/siswa', '/api/no-such-route', '/redoc/redoc.standalone.js']) {
      const res = await request(t.baseUrl).get(path);
      expect(res.headers).toMatchObject(helmetHeaders);
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data: blob:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';worker-src 'self' blob:;connect-src 'self'",
      );
    }
  });

  it('serves Swagger UI, the OpenAPI JSON and ReDoc locally, without a CDN', async () => {
    const docs = await request(t.baseUrl).get('/docs').redirects(1).expect(200);
    expect(docs.text).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
    const json = await request(t.baseUrl).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    const redoc = await request(t.baseUrl).get('/redoc').expect(200);
    expect(redoc.text).toContain('/redoc/redoc.standalone.js');
    expect(redoc.text).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
    await request(t.baseUrl).get('/redoc/redoc.standalone.js').expect(200);
  });
});

describe('Client tolerance in the pipeline (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads an empty JSON body as {} (the client refreshes with a bare bearer POST)', async () => {
    const token = await tokenFor(t, 'admin');
    const res = await request(t.baseUrl)
      .post('/api/auth/refresh')
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send('')
      .expect(200);
    expect(typeof res.body.access_token).toBe('string');
  });

  it('still refuses prototype poisoning in JSON bodies', async () => {
    await request(t.baseUrl)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"admin","__proto__":{"polluted":true}}')
      .expect(400);
  });
});
