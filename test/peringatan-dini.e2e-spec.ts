import ExcelJS from 'exceljs';
import { type ApiClient, clientAs } from './factories/records';
import { queryDb } from './utils/events';
import { binaryBody, readPdf } from './utils/pdf';
import { createDemoSchoolApp } from './prediksi-support/prediksi-helpers';
import { createTestApp, type TestApp } from './utils/test-app';

const RANK = ['Rendah', 'Sedang', 'Tinggi'];

interface Item {
  siswa_id: number;
  nama: string;
  kelas: string;
  data_dari: { semester: string; tahun_ajaran: string };
  prediksi_untuk: { semester: string; tahun_ajaran: string };
  prediksi_prestasi: string;
  confidence: number;
  probabilities: Record<string, number>;
  alasan: Array<{ kode: string; teks: string }>;
  jalur_keputusan: string;
  saran: Saran | null;
  saran_alternatif: Saran[];
  tren: { rata_rata: number; rata_rata_sebelumnya: number | null };
}
interface Saran {
  fitur: string;
  jenis: 'numeric' | 'nominal';
  nilai_sekarang: number | string;
  nilai_saran: number | string;
  ambang: number | null;
  prediksi_baru: string;
  teks: string;
}

/**
 * The rules of issue #14 restated in SQL, independently of the service's query: each active student's
 * latest semester with nilai and presensi, the prediction stored for it by the batch, the semester
 * before it and the latest prestasi up to it.
 */
const EXPECTED_SQL = `
WITH latest AS (
  SELECT n.siswa_id, n.semester, n.tahun_ajaran, n.rata_rata, p.kategori_kehadiran,
         row_number() OVER (PARTITION BY n.siswa_id ORDER BY n.tahun_ajaran DESC, n.semester DESC) AS rn
  FROM nilai_raport n JOIN presensi p USING (siswa_id, semester, tahun_ajaran)
), cur AS (
  SELECT *, CASE semester WHEN 'Genap' THEN tahun_ajaran ELSE (left(tahun_ajaran, 4)::int - 1) || '/' || left(tahun_ajaran, 4) END AS prev_ta,
         CASE semester WHEN 'Genap' THEN 'Ganjil' ELSE 'Genap' END AS prev_sem
  FROM latest WHERE rn = 1
), judged AS (
  SELECT c.siswa_id,
    h.prediksi_prestasi = 'Rendah' AS prediksi_rendah,
    coalesce(array_position(ARRAY['Rendah','Sedang','Tinggi']::text[], h.prediksi_prestasi::text) < array_position(ARRAY['Rendah','Sedang','Tinggi']::text[], (
      SELECT pr.kategori::text FROM prestasi pr WHERE pr.siswa_id = c.siswa_id AND pr.tahun_ajaran || pr.semester <= c.tahun_ajaran || c.semester
      ORDER BY pr.tahun_ajaran || pr.semester DESC LIMIT 1)), false) AS di_bawah_prestasi,
    coalesce(pn.rata_rata - c.rata_rata >= 5, false) AS nilai_turun,
    coalesce(c.kategori_kehadiran = 'Rendah' AND pp.kategori_kehadiran <> 'Rendah', false) AS kehadiran_turun
  FROM cur c
  JOIN siswa s ON s.id = c.siswa_id AND s.status = 'aktif'
  JOIN prediksi_history h ON h.siswa_id = c.siswa_id AND h.semester = c.semester AND h.tahun_ajaran = c.tahun_ajaran
  LEFT JOIN nilai_raport pn ON pn.siswa_id = c.siswa_id AND pn.semester = c.prev_sem AND pn.tahun_ajaran = c.prev_ta
  LEFT JOIN presensi pp ON pp.siswa_id = c.siswa_id AND pp.semester = c.prev_sem AND pp.tahun_ajaran = c.prev_ta
)
SELECT * FROM judged WHERE prediksi_rendah OR di_bawah_prestasi OR nilai_turun OR kehadiran_turun ORDER BY siswa_id`;

const FEATURES_SQL = `
SELECT DISTINCT ON (n.siswa_id) n.siswa_id, n.*, p.persentase_kehadiran, p.kategori_kehadiran, o.kategori_penghasilan, o.total_penghasilan::float8 AS total_penghasilan
FROM nilai_raport n JOIN presensi p USING (siswa_id, semester, tahun_ajaran) JOIN penghasilan_orang_tua o USING (siswa_id)
WHERE n.siswa_id = ANY($1) ORDER BY n.siswa_id, n.tahun_ajaran DESC, n.semester DESC`;

describe('Early warning: GET /api/peringatan-dini on the demo school (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let guru: ApiClient;
  let items: Item[];
  let features: Map<number, Record<string, unknown>>;
  let modelFeatures: string[];

  const whatIf = async (f: Record<string, unknown>): Promise<{ prediksi_prestasi: string; saran: Saran | null }> => {
    const res = await admin.post('/api/prediksi/what-if').send(Object.fromEntries(modelFeatures.map((k) => [k, f[k]])));
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body;
  };

  beforeAll(async () => {
    t = await createDemoSchoolApp(90);
    admin = await clientAs(t, 'admin');
    guru = await clientAs(t, 'guru');
    const trained = await admin.post('/api/prediksi/train').send({});
    if (trained.status !== 201) throw new Error(JSON.stringify(trained.body));
    modelFeatures = trained.body.data.features;

    // Make every rule fire for someone: a grade fall and an attendance fall in the latest semester.
    const latest = await queryDb<{ nilai_id: number; presensi_id: number; siswa_id: number; semester: string; tahun_ajaran: string }>(
      t,
      `SELECT DISTINCT ON (n.siswa_id) n.id AS nilai_id, p.id AS presensi_id, n.siswa_id, n.semester, n.tahun_ajaran
       FROM nilai_raport n JOIN presensi p USING (siswa_id, semester, tahun_ajaran)
       ORDER BY n.siswa_id, n.tahun_ajaran DESC, n.semester DESC`,
    );
    for (const row of latest.slice(0, 4)) {
      const res = await admin.put(`/api/nilai/${row.nilai_id}`).send({ matematika: 20, bahasa_indonesia: 20, ipa: 20, sejarah: 20, seni: 20, pkn: 20 });
      expect(res.status).toBe(200);
    }
    for (const row of latest.slice(4, 8)) {
      await admin.put(`/api/presensi/${row.presensi_id}`).send({ jumlah_hadir: 50, jumlah_sakit: 0, jumlah_izin: 0, jumlah_alpa: 50 }).expect(200);
    }
    // The stored predictions the expected set is computed from (one batch per semester predicted from).
    const periods = [...new Set(latest.map((r) => `${r.semester}|${r.tahun_ajaran}`))];
    for (const p of periods) {
      const [semester, tahun_ajaran] = p.split('|');
      await admin.post('/api/prediksi/batch').send({ semester, tahun_ajaran }).expect(200);
    }
    const res = await guru.get('/api/peringatan-dini?limit=10000').expect(200);
    items = res.body.data;
    expect(res.body.total).toBe(items.length);
    expect(res.body.turun_nilai_min).toBe(5);
    const rows = await queryDb<Record<string, unknown> & { siswa_id: number }>(t, FEATURES_SQL, [items.map((i) => i.siswa_id)]);
    features = new Map(rows.map((r) => [r.siswa_id, r]));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists exactly the students the rules select, each with exactly its reasons', async () => {
    const expected = await queryDb<{ siswa_id: number; prediksi_rendah: boolean; di_bawah_prestasi: boolean; nilai_turun: boolean; kehadiran_turun: boolean }>(
      t,
      EXPECTED_SQL,
    );
    expect(expected.length).toBeGreaterThan(0);
    const byId = (rows: Array<{ siswa_id: number; kodes: string[] }>) => rows.sort((a, b) => a.siswa_id - b.siswa_id);
    expect(byId(items.map((i) => ({ siswa_id: i.siswa_id, kodes: i.alasan.map((a) => a.kode).sort() })))).toEqual(
      expected.map((e) => ({
        siswa_id: e.siswa_id,
        kodes: [
          ...(e.prediksi_rendah ? ['PREDIKSI_RENDAH'] : []),
          ...(e.di_bawah_prestasi ? ['DI_BAWAH_PRESTASI'] : []),
          ...(e.nilai_turun ? ['NILAI_TURUN'] : []),
          ...(e.kehadiran_turun ? ['KEHADIRAN_TURUN'] : []),
        ].sort(),
      })),
    );
    const kodes = new Set(items.flatMap((i) => i.alasan.map((a) => a.kode)));
    expect([...kodes].sort()).toEqual(expect.arrayContaining(['KEHADIRAN_TURUN', 'NILAI_TURUN']));
    // The predictions agree with the stored ones and the reasons are in Bahasa Indonesia.
    for (const i of items) expect(i.alasan.every((a) => a.teks.length > 10)).toBe(true);
    expect(items.find((i) => i.alasan.some((a) => a.kode === 'NILAI_TURUN'))!.alasan.find((a) => a.kode === 'NILAI_TURUN')!.teks).toMatch(/^Rata-rata nilai turun/);
  });

  it('is sorted by risk: Rendah first, then more reasons, then P(Rendah), then id; and pages cut the same order', async () => {
    for (let k = 1; k < items.length; k++) {
      const a = items[k - 1];
      const b = items[k];
      const key = (i: Item) => [RANK.indexOf(i.prediksi_prestasi), -i.alasan.length, -(i.probabilities.Rendah ?? 0), i.siswa_id];
      const [ka, kb] = [key(a), key(b)];
      const cmp = ka.findIndex((v, j) => v !== kb[j]);
      expect(cmp === -1 || ka[cmp] < kb[cmp]).toBe(true);
    }
    const page = await guru.get('/api/peringatan-dini?skip=2&limit=3').expect(200);
    expect(page.body).toMatchObject({ skip: 2, limit: 3, total: items.length });
    expect(page.body.data.map((i: Item) => i.siswa_id)).toEqual(items.slice(2, 5).map((i) => i.siswa_id));
  });

  it('every item carries the decision path, the next semester and a short trend', () => {
    for (const i of items) {
      expect(i.jalur_keputusan.endsWith(`→ ${i.prediksi_prestasi}`) || i.jalur_keputusan === i.prediksi_prestasi).toBe(true);
      expect(i.prediksi_untuk).toEqual(
        i.data_dari.semester === 'Ganjil'
          ? { semester: 'Genap', tahun_ajaran: i.data_dari.tahun_ajaran }
          : { semester: 'Ganjil', tahun_ajaran: `${i.data_dari.tahun_ajaran.slice(5)}/${Number(i.data_dari.tahun_ajaran.slice(5)) + 1}` },
      );
      expect(i.tren.rata_rata).toBeCloseTo(Number(features.get(i.siswa_id)!.rata_rata), 10);
    }
  });

  it('every saran really raises the prediction on re-prediction (what-if), and a value just short of it does not', async () => {
    let checked = 0;
    for (const i of items) {
      const f = features.get(i.siswa_id)!;
      if (i.prediksi_prestasi === 'Tinggi') expect(i.saran).toBeNull();
      for (const s of [i.saran, ...i.saran_alternatif].filter((x): x is Saran => x !== null)) {
        checked++;
        expect(['kategori_penghasilan', 'total_penghasilan', 'jenis_kelamin']).not.toContain(s.fitur);
        const raised = await whatIf({ ...f, [s.fitur]: s.nilai_saran });
        expect(raised.prediksi_prestasi).toBe(s.prediksi_baru);
        expect(RANK.indexOf(raised.prediksi_prestasi)).toBeGreaterThan(RANK.indexOf(i.prediksi_prestasi));
        let short: number | string;
        if (s.jenis === 'numeric') {
          short = Math.max(Math.round(((s.nilai_saran as number) - 0.01) * 100) / 100, Number(f[s.fitur]));
          expect((s.nilai_saran as number) - (s.ambang as number)).toBeGreaterThan(0);
        } else {
          short = RANK[Math.max(RANK.indexOf(s.nilai_saran as string) - 1, RANK.indexOf(String(f[s.fitur])))];
        }
        const notRaised = await whatIf({ ...f, [s.fitur]: short });
        expect(RANK.indexOf(notRaised.prediksi_prestasi)).toBeLessThanOrEqual(RANK.indexOf(i.prediksi_prestasi));
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 60_000);

  it('the same advice comes back on POST /prediksi and on what-if with the student’s own values', async () => {
    const i = items.find((x) => x.saran)!;
    const res = await admin.post('/api/prediksi').send({ siswa_id: i.siswa_id, ...i.data_dari }).expect(200);
    expect(res.body.prediksi_prestasi).toBe(i.prediksi_prestasi);
    expect(res.body.saran).toEqual(i.saran);
    expect(res.body.saran_alternatif).toEqual(i.saran_alternatif);
    expect((await whatIf(features.get(i.siswa_id)!)).saran).toEqual(i.saran);
    expect(i.saran!.teks).toMatch(/^Jika .* prediksi menjadi (Sedang|Tinggi)$/);
  });

  it('filters by kelas and rombel, and validates the query', async () => {
    const kelas = items[0].kelas;
    const byKelas = (await guru.get(`/api/peringatan-dini?limit=10000&kelas=${encodeURIComponent(kelas)}`).expect(200)).body.data as Item[];
    expect(byKelas.map((i) => i.siswa_id)).toEqual(items.filter((i) => i.kelas === kelas).map((i) => i.siswa_id));
    const [rombel] = await queryDb<{ rombel_id: number }>(t, 'SELECT rombel_id FROM rombel_siswa WHERE siswa_id = $1 ORDER BY tahun_ajaran_id DESC LIMIT 1', [items[0].siswa_id]);
    const members = new Set(
      (await queryDb<{ siswa_id: number }>(t, 'SELECT siswa_id FROM rombel_siswa WHERE rombel_id = $1', [rombel.rombel_id])).map((r) => r.siswa_id),
    );
    const byRombel = (await guru.get(`/api/peringatan-dini?limit=10000&rombel_id=${rombel.rombel_id}`).expect(200)).body.data as Item[];
    expect(byRombel.length).toBeGreaterThan(0);
    expect(byRombel.map((i) => i.siswa_id)).toEqual(items.filter((i) => members.has(i.siswa_id)).map((i) => i.siswa_id));
    await guru.get('/api/peringatan-dini?semester=Semester1').expect(400);
    await guru.get('/api/peringatan-dini?rombel_id=abc').expect(400);
    await guru.get('/api/peringatan-dini?tahun_ajaran=2024-2025').expect(400);
  });

  it('speaks English on request (reasons and advice)', async () => {
    const res = await guru.get('/api/peringatan-dini?limit=10000').set('Accept-Language', 'en').expect(200);
    const withSaran = (res.body.data as Item[]).find((i) => i.saran)!;
    expect(withSaran.saran!.teks).toMatch(/^If .* the prediction becomes (Sedang|Tinggi)$/);
    const all = (res.body.data as Item[]).flatMap((i) => i.alasan.map((a) => a.teks));
    expect(all.some((x) => /^(Next semester's predicted achievement is Rendah|Average grade fell|Attendance category fell|Prediction )/.test(x))).toBe(true);
  });

  it('admin and guru read it; staf does not', async () => {
    await admin.get('/api/peringatan-dini?limit=1').expect(200);
    await (await clientAs(t, 'staf')).get('/api/peringatan-dini').expect(403);
  });

  it('exports the whole list as xlsx and as PDF', async () => {
    const xlsx = await guru.get('/api/peringatan-dini/export/excel').buffer(true).parse(binaryBody).expect(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename=Peringatan_Dini.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('Peringatan Dini')!;
    expect(sheet.actualRowCount).toBe(items.length + 1);
    expect(sheet.getRow(2).getCell(2).value).toBe(items[0].siswa_id);

    const pdf = await guru.get('/api/peringatan-dini/export/pdf').buffer(true).parse(binaryBody).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename=Peringatan_Dini.pdf');
    const { text: raw } = await readPdf(pdf.body as Buffer);
    const text = raw.replace(/\s+/g, ' ');
    expect(text).toContain('Daftar Peringatan Dini');
    for (const i of items.slice(0, 5)) expect(text).toContain(i.nama);
    expect(text).toMatch(/Halaman 1 dari \d+/);
  });
});

describe('Early warning without a model or enough labelled rows (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 409 naming the missing training data, like a prediction', async () => {
    const res = await (await clientAs(t, 'guru')).get('/api/peringatan-dini').expect(409);
    expect(res.body.code).toBe('TRAINING_DATA_INSUFFICIENT');
  });
});
