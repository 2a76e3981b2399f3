import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';

const ORIGIN = 'http://sppas.sekolah.test';

/** API.md §1: with CORS_ORIGINS set, the browser's preflight allows every method the client uses [client]. */
describe('CORS for the web client on another origin (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: `${ORIGIN},http://other.test` });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])('the preflight of %s /api/siswa/1 allows it with Authorization and Content-Type', async (method) => {
    const res = await request(t.baseUrl)
      .options('/api/siswa/1')
      .set('Origin', ORIGIN)
      .set('Access-Control-Request-Method', method)
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(res.headers['access-control-allow-methods']!.split(',').map((m) => m.trim())).toContain(method);
    const allowed = res.headers['access-control-allow-headers']!.toLowerCase().split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type']));
  });

  it('the actual cross-origin PUT answers with the origin and exposes X-Total-Count on lists', async () => {
    const token = await tokenFor(t, 'admin');
    const put = await request(t.baseUrl).put('/api/siswa/999999').set('Origin', ORIGIN).set(bearer(token)).send({ kelas: 'X' });
    expect(put.status).toBe(404);
    expect(put.headers['access-control-allow-origin']).toBe(ORIGIN);
    const list = await request(t.baseUrl).get('/api/siswa').set('Origin', ORIGIN).set(bearer(token)).expect(200);
    expect(list.headers['access-control-expose-headers']).toMatch(/X-Total-Count/);
  });

  it('an origin that is not configured gets no CORS headers', async () => {
    const res = await request(t.baseUrl).options('/api/siswa/1').set('Origin', 'http://evil.test').set('Access-Control-Request-Method', 'DELETE');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
