import request from 'supertest';
import { clientAs, createSiswa, type ApiClient } from './factories/records';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * Issue #10: one paging rule for every list. LIST_MAX_LIMIT is set low here so "absent limit → every
 * row up to the maximum" and "above the maximum → 400" are both visible with a few rows.
 */
const LISTS = [
  '/api/siswa',
  '/api/nilai',
  '/api/presensi',
  '/api/penghasilan',
  '/api/prestasi',
  '/api/auth/users',
  '/api/events',
  '/api/events/recent',
  '/api/events/user-activity/1',
  '/api/prediksi/history',
  '/api/prediksi/models',
];

describe('Paging: one DTO, one limit rule (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp({ LIST_MAX_LIMIT: '5' });
    admin = await clientAs(t, 'admin');
    token = await tokenFor(t, 'admin');
    for (let i = 0; i < 7; i++) await createSiswa(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(LISTS.flatMap((path) => ['1e3', '0x10', '1.5', '0', '-1', '6', 'ten'].map((limit) => [path, limit])))(
    '%s?limit=%s is 400 problem+json naming limit',
    async (path, limit) => {
      const res = await request(t.baseUrl).get(path).query({ limit }).set(bearer(token)).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'limit' })]));
    },
  );

  it.each(LISTS)('%s accepts limit=LIST_MAX_LIMIT and an empty limit', async (path) => {
    await request(t.baseUrl).get(path).query({ limit: '5' }).set(bearer(token)).expect(200);
    await request(t.baseUrl).get(`${path}?limit=&skip=`).set(bearer(token)).expect(200);
  });

  it('the detail names the configured maximum', async () => {
    const res = await admin.get('/api/siswa?limit=6').set('Accept-Language', 'en').expect(400);
    expect(res.body.detail).toBe('Invalid query: limit must not exceed 5');
  });

  it('a bare-array list without limit answers every row up to LIST_MAX_LIMIT (the total says how many exist)', async () => {
    const res = await admin.get('/api/siswa').expect(200);
    expect(res.body).toHaveLength(5);
    expect(res.headers['x-total-count']).toBe('7');
    const rest = await admin.get('/api/siswa?skip=5').expect(200);
    expect(rest.body).toHaveLength(2);
  });

  it('paged envelopes default to their page size (history 10, events 100), capped by LIST_MAX_LIMIT', async () => {
    // prediksi.e2e-spec asserts the uncapped 10 of the client's history page.
    for (const path of ['/api/prediksi/history', '/api/prediksi/history?limit=', '/api/events', '/api/events?limit=']) {
      const res = await admin.get(path).expect(200);
      expect(res.body).toMatchObject({ skip: 0, limit: 5 });
    }
  });

  it('the model registry list is paged like every list (X-Total-Count)', async () => {
    const res = await admin.get('/api/prediksi/models').expect(200);
    expect(res.body).toEqual([]);
    expect(res.headers['x-total-count']).toBe('0');
  });
});
