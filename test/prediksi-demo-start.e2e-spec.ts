import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';
import { latestSemester, sql } from './prediksi-support/prediksi-helpers';

/** A newcomer's first start: DEMO_DATA on and no students → a seeded school and a first model. */
describe('Prediksi: the start-up demo school (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ DEMO_DATA: 'true', DEMO_STUDENTS: '80' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the school once and trains a model, so predictions work at once', async () => {
    const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM siswa');
    expect(n).toBe(80);
    const guru = await tokenFor(t, 'guru');
    const metrics = await request(t.baseUrl).get('/api/prediksi/model-metrics').set(bearer(guru)).expect(200);
    expect(metrics.body).toMatchObject({ model_version: 1, metrics: { cv: { folds: expect.any(Number) } } });
    const period = await latestSemester(t);
    const batch = await request(t.baseUrl).post('/api/prediksi/batch').set(bearer(guru)).send(period).expect(200);
    expect(batch.body.summary).toMatchObject({ total_siswa: 80, success_count: 80 });
    // Derived fields come from the shared rules and the configured thresholds.
    const [bad] = await sql<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM presensi WHERE kategori_kehadiran <> CASE WHEN persentase_kehadiran >= 80 THEN 'Tinggi' WHEN persentase_kehadiran >= 75 THEN 'Sedang' ELSE 'Rendah' END`,
    );
    expect(bad.n).toBe(0);
  });

  it('the first model is current: trained on the thresholds the rows were derived with, not stale at once', async () => {
    const guru = await tokenFor(t, 'guru');
    const status = await request(t.baseUrl).get('/api/prediksi/models/active/status').set(bearer(guru)).expect(200);
    expect(status.body).toMatchObject({ model_version: 1, stale: false, reasons: [], thresholds_changed: false, changed_rows_pct: 0 });
    const metrics = await request(t.baseUrl).get('/api/prediksi/model-metrics').set(bearer(guru)).expect(200);
    expect(metrics.body.stale).toBe(false);
  });
});
