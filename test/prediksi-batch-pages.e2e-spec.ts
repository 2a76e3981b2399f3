import request from 'supertest';
import { predictAll } from '../src/prediksi/services/batch-prediction';
import { PredictionService } from '../src/prediksi/services/prediction.service';
import { TeacherScope } from '../src/scope/teacher-scope';
import { DataSource } from 'typeorm';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';
import { latestSemester, sql, train } from './prediksi-support/prediksi-helpers';

/**
 * The batch reads, predicts and writes page by page (batch-prediction.ts): a school spread over many
 * small pages must give exactly what one page gives, in the answer and in the stored history.
 */
describe('Prediksi: a batch over many pages (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
    await request(t.baseUrl).post('/api/prediksi/generate-dummy-data?count=60').set(bearer(admin)).expect(201);
    const trained = await train(t, admin);
    if (trained.status !== 201) throw new Error(JSON.stringify(trained.body));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const history = (t: TestApp) =>
    sql<Record<string, unknown>>(
      t,
      `SELECT siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation FROM prediksi_history ORDER BY siswa_id, semester, tahun_ajaran`,
    );

  it('pages of 7 students give the same results, errors and history as one page', async () => {
    const period = await latestSemester(t);
    const service = t.app.get(PredictionService);
    const dataSource = t.app.get(DataSource);
    const request = { semester: period.semester as 'Ganjil' | 'Genap', tahunAjaran: period.tahun_ajaran, scope: TeacherScope.SCHOOL };

    const whole = await predictAll(dataSource, service, await service.activeModel(), request);
    const wholeHistory = await history(t);
    await sql(t, 'DELETE FROM prediksi_history');
    const paged = await predictAll(dataSource, service, await service.activeModel(), { ...request, pageSize: 7 });

    expect(whole.results.length).toBeGreaterThan(14);
    expect(paged.results).toEqual(whole.results);
    expect(paged.errors).toEqual(whole.errors);
    expect(await history(t)).toEqual(wholeHistory);
    expect(wholeHistory).toHaveLength(whole.results.length);
  }, 60_000);

  it('a write failing on a later page leaves no history of the batch at all (one transaction)', async () => {
    const period = await latestSemester(t);
    const service = t.app.get(PredictionService);
    const dataSource = t.app.get(DataSource);
    await sql(t, 'DELETE FROM prediksi_history');
    const [{ max }] = await sql<{ max: number }>(t, 'SELECT max(id)::int AS max FROM siswa');
    await sql(
      t,
      `CREATE FUNCTION refuse_last() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.siswa_id = ${max} THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`,
    );
    await sql(t, 'CREATE TRIGGER refuse_last BEFORE INSERT ON prediksi_history FOR EACH ROW EXECUTE FUNCTION refuse_last()');
    try {
      const request = {
        semester: period.semester as 'Ganjil' | 'Genap',
        tahunAjaran: period.tahun_ajaran,
        scope: TeacherScope.SCHOOL,
        pageSize: 7,
      };
      await expect(predictAll(dataSource, service, await service.activeModel(), request)).rejects.toThrow(/refused/);
      expect(await history(t)).toEqual([]);
    } finally {
      await sql(t, 'DROP TRIGGER refuse_last ON prediksi_history');
      await sql(t, 'DROP FUNCTION refuse_last()');
    }
  }, 60_000);

  it('answers over HTTP exactly what the service computed (streamed JSON body)', async () => {
    const period = await latestSemester(t);
    const res = await request(t.baseUrl).post('/api/prediksi/batch').set(bearer(admin)).send(period).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.summary.success_count).toBe(res.body.results.length);
    expect(res.body.results[0]).toMatchObject({ siswa_id: expect.any(Number), prediksi_prestasi: expect.any(String) });
  }, 60_000);
});
