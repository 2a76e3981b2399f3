import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { eventsOf } from './utils/events';
import { makeNilai, makeSiswa } from './factories/records';
import { createTestApp, TEST_ADMIN, type TestApp } from './utils/test-app';

/** Raw HTTP with bytes supertest would re-encode (invalid UTF-8), through fetch. */
async function rawPost(t: TestApp, path: string, body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; type: string }> {
  const res = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, type: res.headers.get('content-type') ?? '' };
}

describe('Hardening: text, depth, media types, ids, school years, dates at the edge (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let siswaId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
    siswaId = (await request(t.baseUrl).post('/api/siswa').set(bearer(admin)).send(makeSiswa()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('text with NUL bytes, lone surrogates or invalid UTF-8 is refused wherever it comes in', () => {
    it('a form login with a NUL byte is 422, and the event log keeps recording (failed logins included)', async () => {
      const res = await request(t.baseUrl).post('/api/auth/token').type('form').send('username=a%00&password=whatever-1').expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'INVALID_TEXT', errors: [{ field: 'username' }] });
      const id = `nul-after-${Date.now()}`;
      await request(t.baseUrl).post('/api/auth/token').type('form').set('X-Request-Id', id).send('username=admin&password=wrong-password-9').expect(401);
      const [row] = await eventsOf(t, id);
      expect(row).toMatchObject({ action: 'auth.login_failed', category: 'SECURITY' });
      const security = await request(t.baseUrl).get('/api/events/security').set(bearer(admin)).expect(200);
      expect(security.body.failed_logins).toBeGreaterThanOrEqual(1);
    });

    it.each([
      ['a NUL byte', '{"username":"a\\u0000","password":"whatever-1"}'],
      ['a lone high surrogate', '{"username":"a\\ud800","password":"whatever-1"}'],
      ['a lone low surrogate in a key', '{"username":"admin","password":"whatever-1","\\udc00":1}'],
    ])('a JSON body with %s is 422', async (_name, json) => {
      const res = await rawPost(t, '/api/auth/login', json, { 'content-type': 'application/json' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'INVALID_TEXT' });
    });

    it('a JSON body that is not valid UTF-8 is 400', async () => {
      const body = Buffer.concat([Buffer.from('{"username":"a'), Buffer.from([0xc3, 0x28]), Buffer.from('","password":"whatever-1"}')]);
      const res = await rawPost(t, '/api/auth/login', body, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_TEXT' });
    });

    it('a form body with an invalid UTF-8 escape is 400', async () => {
      const res = await rawPost(t, '/api/auth/token', 'username=a%C3%28&password=whatever-1', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(400);
    });

    it.each(['/api/siswa?search=a%00', '/api/siswa?search=%ED%A0%80', '/api/siswa?search=%FF', '/api/events?action=x%00'])(
      'query %s is 400',
      async (path) => {
        const res = await request(t.baseUrl).get(path).set(bearer(admin)).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_TEXT' });
      },
    );

    it('a path parameter with a NUL byte is 400', async () => {
      await request(t.baseUrl).get('/api/siswa/1%00').set(bearer(admin)).expect(400);
    });
  });

  describe('JSON nesting depth', () => {
    it.each([
      ['arrays', '['.repeat(20_000) + ']'.repeat(20_000)],
      ['objects', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)],
    ])('20,000 nested %s on /api/auth/login → 400', async (_name, json) => {
      const res = await rawPost(t, '/api/auth/login', json, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'JSON_TOO_DEEP' });
    });

    it('nesting within the limit still parses', async () => {
      const deep = { profile: { nama_lengkap: 'A' }, x: [[[[[[[[1]]]]]]]] };
      await request(t.baseUrl).put('/api/auth/me/profile').set(bearer(admin)).send(deep).expect(200);
    });
  });

  describe('media types (API.md §1: 415)', () => {
    it('a JSON route with text/plain → 415', async () => {
      const res = await rawPost(t, '/api/siswa', JSON.stringify(makeSiswa()), { 'content-type': 'text/plain', authorization: `Bearer ${admin}` });
      expect(res.status).toBe(415);
      expect(res.type).toMatch(/^application\/problem\+json/);
    });

    it('a JSON route with a body and no content type → 415', async () => {
      const res = await fetch(`${t.baseUrl}/api/auth/login`, {
        method: 'POST',
        // A Uint8Array body is sent with a length and no content type.
        body: new Uint8Array(Buffer.from(JSON.stringify({ username: 'admin', password: 'x' }))),
      });
      expect(res.status).toBe(415);
    });

    it('a form body on a JSON-only route → 415', async () => {
      await request(t.baseUrl).post('/api/siswa').set(bearer(admin)).type('form').send(makeSiswa()).expect(415);
    });

    it('still accepted: form and JSON login on /auth/token, bodiless and empty-JSON refresh, bodiless train', async () => {
      await request(t.baseUrl).post('/api/auth/token').type('form').send(TEST_ADMIN).expect(200);
      await request(t.baseUrl).post('/api/auth/token').send(TEST_ADMIN).expect(200);
      await request(t.baseUrl).post('/api/auth/refresh').set(bearer(admin)).expect(200);
      const empty = await rawPost(t, '/api/auth/refresh', '', { 'content-type': 'application/json', authorization: `Bearer ${admin}` });
      expect(empty.status).toBe(200);
      await request(t.baseUrl).post('/api/auth/refresh').set(bearer(admin)).set('Content-Type', 'application/json; charset=utf-8').send('{}').expect(200);
    });
  });

  describe('path ids: only ^[1-9][0-9]*$ within int4, on every route', () => {
    const bad = ['0x10', '1e1', '%2010', '10.0', '+1', '01', '0', '-1', '2147483648', '99999999999999999999'];
    const routes = ['/api/siswa/', '/api/nilai/', '/api/auth/users/', '/api/prediksi/models/', '/api/events/user-activity/'];
    it.each(routes.flatMap((route) => bad.map((id) => [route, id])))('GET %s%s → 400', async (route, id) => {
      const res = await request(t.baseUrl).get(`${route}${id}`).set(bearer(admin)).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_ID' });
    });

    it('PUT, DELETE and POST …/activate use the same rule', async () => {
      await request(t.baseUrl).put('/api/siswa/0x10').set(bearer(admin)).send({ kelas: 'X' }).expect(400);
      await request(t.baseUrl).delete('/api/siswa/1e1').set(bearer(admin)).expect(400);
      await request(t.baseUrl).delete('/api/prediksi/history/10.0').set(bearer(admin)).expect(400);
      await request(t.baseUrl).post('/api/prediksi/models/0x1/activate').set(bearer(admin)).expect(400);
    });

    it.each(['/api/rombel/', '/api/tahun-ajaran/'].flatMap((route) => bad.map((id) => [route, id])))('school year: GET %s%s → 400', async (route, id) => {
      const res = await request(t.baseUrl).get(`${route}${id}`).set(bearer(admin)).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_ID' });
    });

    it('the school-year writes use the same rule (rombel member, kenaikan, penugasan)', async () => {
      const writes = [
        request(t.baseUrl).delete('/api/rombel/1/siswa/2147483648'),
        request(t.baseUrl).post('/api/rombel/0x10/kenaikan').send({ keputusan: [] }),
        request(t.baseUrl).post('/api/tahun-ajaran/1e1/activate').send({}),
        request(t.baseUrl).delete('/api/penugasan/01'),
      ];
      for (const write of writes) {
        const res = await write.set(bearer(admin)).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_ID' });
      }
    });

    it('a well-formed id still works (and the largest int4 is a 404, not an error)', async () => {
      await request(t.baseUrl).get(`/api/siswa/${siswaId}`).set(bearer(admin)).expect(200);
      await request(t.baseUrl).get('/api/siswa/2147483647').set(bearer(admin)).expect(404);
    });
  });

  describe('tahun_ajaran: YYYY/YYYY+1 with years 2000–2100', () => {
    it.each(['0000/0001', '1999/2000', '2100/2101', '2023/2025', '2023-2024'])('%s in a body → 422', async (tahun) => {
      const res = await request(t.baseUrl).post('/api/nilai').set(bearer(admin)).send(makeNilai(siswaId, { tahun_ajaran: tahun })).expect(422);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'tahun_ajaran' })]));
    });

    it('0000/0001 in a prediction request → 422', async () => {
      await request(t.baseUrl).post('/api/prediksi').set(bearer(admin)).send({ siswa_id: siswaId, semester: 'Ganjil', tahun_ajaran: '0000/0001' }).expect(422);
    });

    it('2000/2001 and 2099/2100 are accepted', async () => {
      await request(t.baseUrl).post('/api/nilai').set(bearer(admin)).send(makeNilai(siswaId, { tahun_ajaran: '2000/2001' })).expect(201);
      await request(t.baseUrl).post('/api/nilai').set(bearer(admin)).send(makeNilai(siswaId, { tahun_ajaran: '2099/2100' })).expect(201);
    });
  });

  describe('date query parameters are real dates', () => {
    it.each(['/api/events?from=2026-02-30', '/api/events?to=2026-13-01', '/api/events/summary?from=2025-02-29', '/api/events/summary?to=2026-04-31T10:00:00Z'])(
      '%s → 400',
      async (path) => {
        const res = await request(t.baseUrl).get(path).set(bearer(admin)).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_QUERY' });
      },
    );

    it('real dates still work', async () => {
      await request(t.baseUrl).get('/api/events?from=2024-02-29&to=2026-12-31T23:59:59Z').set(bearer(admin)).expect(200);
    });
  });
});
