import type { ApiClient } from './factories/records';
import { ACTIVE_YEAR, type School, twoTeachersTwoRombels } from './factories/school-classes';
import { binary, xlsxNumbers } from './utils/binary';
import { createTestApp, type TestApp } from './utils/test-app';

const PERIOD = { semester: 'Ganjil', tahun_ajaran: ACTIVE_YEAR };

/** Issue #13, GURU_SCOPE=class: predictions, batch, history and statistics see a guru's classes only. */
describe('Teacher scope: predictions (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let guruA: ApiClient;
  let guruB: ApiClient;
  let s: School['students'];
  let ids: School['ids'];
  const sorted = (rows: Array<{ siswa_id: number }>): number[] => rows.map((r) => r.siswa_id).sort((x, y) => x - y);

  beforeAll(async () => {
    t = await createTestApp({ GURU_SCOPE: 'class' });
    const school = await twoTeachersTwoRombels(t);
    ({ admin } = school);
    guruA = school.guruA.api;
    guruB = school.guruB.api;
    s = school.students;
    ids = school.ids;
    // Twelve labelled student-semesters: enough to train on.
    await admin.post('/api/prediksi/train').send({}).expect(201);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('a single prediction of a student in reach passes; out of reach it is 404 like a missing student', async () => {
    const ok = await guruA
      .post('/api/prediksi')
      .send({ siswa_id: s.b1.id, ...PERIOD })
      .expect(200);
    expect(ok.body.siswa_id).toBe(s.b1.id);
    const hidden = await guruB
      .post('/api/prediksi')
      .send({ siswa_id: s.a1.id, ...PERIOD })
      .expect(404);
    expect(hidden.body.code).toBe('SISWA_NOT_FOUND');
    await guruA
      .post('/api/prediksi')
      .send({ siswa_id: s.none.id, ...PERIOD })
      .expect(404);
    await admin
      .post('/api/prediksi')
      .send({ siswa_id: s.none.id, ...PERIOD })
      .expect(200);
  });

  it('the early-warning list and a student’s trend: only students in reach (out of reach: 404)', async () => {
    type Page = { data: Array<{ siswa_id: number }>; jumlah_dinilai: number };
    const all = (await admin.get('/api/peringatan-dini?limit=100').expect(200)).body as Page;
    const mine = (await guruB.get('/api/peringatan-dini?limit=100').expect(200)).body as Page;
    const reach = new Set(ids('b1', 'b2'));
    expect(sorted(mine.data)).toEqual(sorted(all.data.filter((r) => reach.has(r.siswa_id))));
    // Everyone assessed is in reach: guru B's two students, where admin assesses the whole school.
    expect(mine.jumlah_dinilai).toBe(2);
    expect(all.jumlah_dinilai).toBeGreaterThan(mine.jumlah_dinilai);
    await guruB.get(`/api/siswa/${s.b1.id}/tren`).expect(200);
    const hidden = await guruB.get(`/api/siswa/${s.a1.id}/tren`).expect(404);
    expect(hidden.body.code).toBe('SISWA_NOT_FOUND');
    await admin.get(`/api/siswa/${s.a1.id}/tren`).expect(200);
  });

  it('a batch predicts only the students in reach; admin’s batch is the whole school', async () => {
    const mine = await guruA.post('/api/prediksi/batch').send(PERIOD).expect(200);
    expect(mine.body.summary).toMatchObject({ total_siswa: 4, error_count: 0 });
    expect(sorted(mine.body.results)).toEqual(ids('a1', 'a2', 'b1', 'b2'));
    const all = await admin.post('/api/prediksi/batch').send(PERIOD).expect(200);
    expect(sorted(all.body.results)).toEqual(ids('a1', 'a2', 'b1', 'b2', 'old', 'none'));
  });

  it('the history (list, total and export) holds only the students in reach', async () => {
    const page = await guruB.get('/api/prediksi/history?limit=100').expect(200);
    expect(page.body.total).toBe(2);
    expect(sorted(page.body.data)).toEqual(ids('b1', 'b2'));
    expect((await admin.get('/api/prediksi/history?limit=100').expect(200)).body.total).toBe(6);
    const file = (await guruB.get('/api/prediksi/history/export/excel').buffer(true).parse(binary).expect(200)).body as Buffer;
    expect((await xlsxNumbers(file, 2)).sort((x, y) => x - y)).toEqual(ids('b1', 'b2'));
  });

  it('feature statistics are computed over the students in reach; data-count stays the school’s training data', async () => {
    const mine = (await guruB.get('/api/prediksi/feature-statistics').expect(200)).body.data;
    expect(mine.summary).toMatchObject({ total_records: 4, labeled_records: 4 });
    expect(mine.categorical_distributions.kategori_kehadiran.total).toBe(4);
    const school = (await admin.get('/api/prediksi/feature-statistics').expect(200)).body.data;
    expect(school.summary.total_records).toBe(12);
    expect(school.numerical_statistics.total_penghasilan.count).toBe(12);
    // Guru A reaches A (wali kelas) and B (matematika): B's family incomes stay out of every figure.
    const a = (await guruA.get('/api/prediksi/feature-statistics').expect(200)).body.data;
    expect(a.summary.total_records).toBe(8);
    expect(a.numerical_statistics.rata_rata.count).toBe(8);
    expect(a.numerical_statistics.total_penghasilan.count).toBe(4);
    expect(a.categorical_distributions.kategori_penghasilan.total).toBe(4);
    expect((await guruB.get('/api/prediksi/data-count').expect(200)).body.data.total_data).toBe(12);
  });
});
