import { Client } from 'pg';
import { type ApiClient, clientAs, makeNilai, makePenghasilan, makePresensi, makePrestasi, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

const TABLES = ['nilai_raport', 'presensi', 'penghasilan_orang_tua', 'prestasi', 'prediksi_history'];

describe('Deleting a student (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function rowsOf(siswaId: number): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE siswa_id = $1`, [siswaId]);
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  }

  async function studentWithEverything(): Promise<number> {
    const id = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id as number;
    await admin.post('/api/nilai').send(makeNilai(id)).expect(201);
    await admin
      .post('/api/nilai')
      .send(makeNilai(id, { semester: 'Genap' }))
      .expect(201);
    await admin.post('/api/presensi').send(makePresensi(id)).expect(201);
    await admin.post('/api/penghasilan').send(makePenghasilan(id)).expect(201);
    await admin.post('/api/prestasi').send(makePrestasi(id)).expect(201);
    // The prediction history belongs to the prediction module; a row is enough to see the cascade.
    await db.query(
      `INSERT INTO prediksi_history (siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation)
       VALUES ($1, 'Ganjil', '2023/2024', 'Tinggi', 0.9, '{}'::jsonb, 1, '[]'::jsonb)`,
      [id],
    );
    return id;
  }

  it('moves their nilai, presensi, penghasilan, prestasi and prediction history to the trash, and nobody else’s', async () => {
    const doomed = await studentWithEverything();
    const kept = await studentWithEverything();
    await expect(rowsOf(doomed)).resolves.toEqual({
      nilai_raport: 2,
      presensi: 1,
      penghasilan_orang_tua: 1,
      prestasi: 1,
      prediksi_history: 1,
    });

    await admin.delete(`/api/siswa/${doomed}`).expect(204);

    await expect(rowsOf(doomed)).resolves.toEqual({
      nilai_raport: 0,
      presensi: 0,
      penghasilan_orang_tua: 0,
      prestasi: 0,
      prediksi_history: 0,
    });
    await expect(rowsOf(kept)).resolves.toEqual({
      nilai_raport: 2,
      presensi: 1,
      penghasilan_orang_tua: 1,
      prestasi: 1,
      prediksi_history: 1,
    });
    await admin.get(`/api/nilai?siswa_id=${doomed}`).expect(200).expect('x-total-count', '0');
    // Not lost: one trash item holds the student and every row that cascaded.
    const { rows: trash } = await db.query<{ row_count: number }>(`SELECT row_count FROM trash WHERE entity_type = 'siswa' AND entity_id = $1`, [doomed]);
    expect(trash).toEqual([{ row_count: 7 }]);
  });

  it('the foreign keys cascade in the database itself (what cascades is what the trash archives)', async () => {
    const { rows } = await db.query<{ conname: string; confdeltype: string }>(
      `SELECT conname, confdeltype FROM pg_constraint WHERE contype = 'f' AND confrelid = 'siswa'::regclass ORDER BY conname`,
    );
    expect(rows.map((r) => r.conname)).toEqual(
      expect.arrayContaining(['fk_nilai_raport_siswa', 'fk_presensi_siswa', 'fk_penghasilan_orang_tua_siswa', 'fk_prestasi_siswa']),
    );
    expect(rows.every((r) => r.confdeltype === 'c')).toBe(true);
  });

  it('the database refuses what the API refuses, whoever writes', async () => {
    const id = await studentWithEverything();
    const refused = [
      `UPDATE nilai_raport SET matematika = 101 WHERE siswa_id = ${id}`,
      `UPDATE presensi SET jumlah_alpa = -1 WHERE siswa_id = ${id}`,
      `UPDATE presensi SET jumlah_hadir = 0, jumlah_sakit = 0, jumlah_izin = 0, jumlah_alpa = 0 WHERE siswa_id = ${id}`,
      `UPDATE penghasilan_orang_tua SET penghasilan_ibu = -5 WHERE siswa_id = ${id}`,
      `UPDATE prestasi SET semester = 'Pendek' WHERE siswa_id = ${id}`,
      `UPDATE prestasi SET tahun_ajaran = '2023/2025' WHERE siswa_id = ${id}`,
      `UPDATE prestasi SET tahun_ajaran = 'abcd/efgh' WHERE siswa_id = ${id}`,
      `UPDATE siswa SET jenis_kelamin = 'X' WHERE id = ${id}`,
      `UPDATE presensi SET kategori_kehadiran = 'Menengah' WHERE siswa_id = ${id}`,
    ];
    for (const sql of refused) await expect(db.query(sql)).rejects.toMatchObject({ code: '23514' });
  });
});
