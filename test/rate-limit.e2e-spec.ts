import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, startInstance, type TestApp } from './utils/test-app';

/** Per-user limits of the expensive routes (@RateLimited), set low here; the defaults are far above normal use. */
describe('Rate limits of expensive routes (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let guru: string;

  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_WINDOW_SECONDS: '60',
      RATE_LIMIT_EXPORT: '2',
      RATE_LIMIT_UPLOAD: '1',
      RATE_LIMIT_TREE: '1',
      RATE_LIMIT_BATCH: '1',
      RATE_LIMIT_TRAIN: '1',
    });
    admin = await tokenFor(t, 'admin');
    guru = await tokenFor(t, 'guru');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, token: string): request.Test => request(t.baseUrl).get(path).set(bearer(token));
  const post = (path: string, token: string): request.Test => request(t.baseUrl).post(path).set(bearer(token));

  function expectLimited(res: request.Response, bucket: string): void {
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED', bucket, retry_after: expect.any(Number) });
    expect(res.body.detail).toMatch(/coba lagi dalam \d+ detik/);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  }

  it('exports: every /export/* of a user shares one count; other users are not affected', async () => {
    await get('/api/siswa/export/csv', admin).expect(200);
    await get('/api/nilai/export/excel', admin).expect(200);
    expectLimited(await get('/api/siswa/export/csv', admin), 'export');
    expectLimited(await get('/api/prediksi/history/export/excel', admin), 'export');
    await get('/api/siswa/export/csv', guru).expect(200);
    // Unlimited routes stay unlimited.
    for (let i = 0; i < 5; i++) await get('/api/siswa?limit=1', admin).expect(200);
  });

  it('uploads, tree images, batch prediction and training, whatever the first call answered', async () => {
    const csv = Buffer.from('NIS,Nama,Jenis Kelamin,Kelas,Tanggal Lahir,Alamat\n9001,Ani,P,X IPA 1,2008-01-02,Jl. Mawar\n');
    const first = await post('/api/siswa/upload/excel?dry_run=true', admin).attach('file', csv, 'siswa.csv');
    expect([200, 422]).toContain(first.status);
    expectLimited(await post('/api/siswa/upload/excel?dry_run=true', admin).attach('file', csv, 'siswa.csv'), 'upload');

    await get('/api/prediksi/tree.svg', admin).expect(404); // no model yet: still a call
    expectLimited(await get('/api/prediksi/tree.png', admin), 'tree');

    await post('/api/prediksi/batch', admin).send({}).expect(422);
    expectLimited(await post('/api/prediksi/batch', admin).send({}), 'batch');

    const trained = await post('/api/prediksi/train', admin).send({});
    expect(trained.status).toBeLessThan(500);
    expectLimited(await post('/api/prediksi/train', admin).send({}), 'train');
  });

  it('a refused role is not counted (the limit runs after the role check)', async () => {
    await post('/api/prediksi/train', guru).send({}).expect(403);
    await post('/api/prediksi/train', guru).send({}).expect(403);
  });

  it('holds across replicas of one database', async () => {
    const staf = await tokenFor(t, 'staf');
    const second = await startInstance(t.databaseUrl, { RATE_LIMIT_EXPORT: '2' });
    try {
      await get('/api/siswa/export/csv', staf).expect(200);
      await request(second.baseUrl).get('/api/siswa/export/csv').set(bearer(staf)).expect(200);
      expectLimited(await get('/api/siswa/export/csv', staf), 'export');
      expectLimited(await request(second.baseUrl).get('/api/siswa/export/csv').set(bearer(staf)), 'export');
    } finally {
      await second.app.close();
    }
  });
});
