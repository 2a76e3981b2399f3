import { SUBJECT_FIELDS } from '../src/nilai/nilai-subjects';
import { type ApiClient, clientAs } from './factories/records';
import { queryDb } from './utils/events';
import { createDemoSchoolApp } from './prediksi-support/prediksi-helpers';
import type { TestApp } from './utils/test-app';

interface TrendEntry {
  semester: string;
  tahun_ajaran: string;
  rata_rata: number | null;
  nilai: Record<string, number> | null;
  persentase_kehadiran: number | null;
  kategori_kehadiran: string | null;
  prestasi: string | null;
  prediksi: { prediksi_prestasi: string; confidence: number; model_version: number; data_dari_semester: string; data_dari_tahun_ajaran: string } | null;
}

const next = (semester: string, ta: string): string =>
  semester === 'Ganjil' ? `${ta} Genap` : `${ta.slice(5)}/${Number(ta.slice(5)) + 1} Ganjil`;

describe('Trend: GET /api/siswa/{id}/tren (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let siswaId: number;

  beforeAll(async () => {
    t = await createDemoSchoolApp(30);
    admin = await clientAs(t, 'admin');
    await admin.post('/api/prediksi/train').send({}).expect(201);
    const [s] = await queryDb<{ siswa_id: number }>(
      t,
      `SELECT n.siswa_id FROM nilai_raport n JOIN presensi p USING (siswa_id, semester, tahun_ajaran) GROUP BY n.siswa_id HAVING count(*) >= 3 ORDER BY n.siswa_id LIMIT 1`,
    );
    siswaId = s.siswa_id;
    // Predictions from two of the student's semesters: each is the prediction FOR the semester after it.
    const periods = await queryDb<{ semester: string; tahun_ajaran: string }>(
      t,
      'SELECT semester, tahun_ajaran FROM nilai_raport WHERE siswa_id = $1 ORDER BY tahun_ajaran, semester',
      [siswaId],
    );
    for (const p of [periods[0], periods[periods.length - 1]]) await admin.post('/api/prediksi').send({ siswa_id: siswaId, ...p }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers every semester in order with the stored rows and the prediction made for it', async () => {
    const res = await (await clientAs(t, 'staf')).get(`/api/siswa/${siswaId}/tren`).expect(200);
    const [siswa] = await queryDb<{ nama: string; nis: string; kelas: string }>(t, 'SELECT nama, nis, kelas FROM siswa WHERE id = $1', [siswaId]);
    expect(res.body).toMatchObject({ siswa_id: siswaId, ...siswa });
    const tren = res.body.tren as TrendEntry[];

    const nilai = await queryDb<Record<string, number | string>>(t, 'SELECT * FROM nilai_raport WHERE siswa_id = $1', [siswaId]);
    const presensi = await queryDb<Record<string, number | string>>(t, 'SELECT * FROM presensi WHERE siswa_id = $1', [siswaId]);
    const prestasi = await queryDb<Record<string, string>>(t, 'SELECT * FROM prestasi WHERE siswa_id = $1', [siswaId]);
    const history = await queryDb<Record<string, number | string>>(t, 'SELECT * FROM prediksi_history WHERE siswa_id = $1', [siswaId]);
    expect(history).toHaveLength(2);

    const keys = new Set([
      ...[...nilai, ...presensi, ...prestasi].map((r) => `${r.tahun_ajaran} ${r.semester}`),
      ...history.map((h) => next(String(h.semester), String(h.tahun_ajaran))),
    ]);
    expect(tren.map((e) => `${e.tahun_ajaran} ${e.semester}`)).toEqual([...keys].sort());

    for (const e of tren) {
      const at = (r: Record<string, unknown>) => r.semester === e.semester && r.tahun_ajaran === e.tahun_ajaran;
      const n = nilai.find(at);
      expect(e.rata_rata).toBe(n ? Number(n.rata_rata) : null);
      expect(e.nilai).toEqual(n ? Object.fromEntries(SUBJECT_FIELDS.map((f) => [f, Number(n[f])])) : null);
      const p = presensi.find(at);
      expect(e.persentase_kehadiran).toBe(p ? Number(p.persentase_kehadiran) : null);
      expect(e.kategori_kehadiran).toBe(p ? p.kategori_kehadiran : null);
      expect(e.prestasi).toBe(prestasi.find(at)?.kategori ?? null);
      const h = history.find((x) => next(String(x.semester), String(x.tahun_ajaran)) === `${e.tahun_ajaran} ${e.semester}`);
      expect(e.prediksi).toEqual(
        h
          ? {
              prediksi_prestasi: h.prediksi_prestasi,
              confidence: Number(h.confidence),
              model_version: Number(h.model_version),
              data_dari_semester: h.semester,
              data_dari_tahun_ajaran: h.tahun_ajaran,
              dibuat: new Date(h.updated_at as string).toISOString(),
            }
          : null,
      );
    }
    // The last entry is the forecast for the semester after the latest records.
    expect(tren[tren.length - 1]).toMatchObject({ rata_rata: null, nilai: null, prestasi: null, prediksi: expect.any(Object) });
  });

  it('404 for an unknown student, 400 for an id that is not canonical', async () => {
    const res = await admin.get('/api/siswa/999999/tren').expect(404);
    expect(res.body.code).toBe('SISWA_NOT_FOUND');
    await admin.get(`/api/siswa/0${siswaId}/tren`).expect(400);
  });
});
