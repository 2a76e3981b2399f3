import { Client } from 'pg';
import { type ApiClient, clientAs, makePenghasilan, makePresensi, makeSiswa } from './factories/records';
import { createTestApp, startInstance, type TestApp } from './utils/test-app';

describe('Stored categories follow the configured thresholds (e2e)', () => {
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

  /** Starts (and stops) another instance on the same database, as a redeploy with new settings would. */
  async function restartWith(env: Record<string, string>): Promise<void> {
    const { app } = await startInstance(t.databaseUrl, env);
    await app.close();
  }

  const categories = async (table: string, column: string): Promise<string[]> =>
    (await db.query<Record<string, string>>(`SELECT ${column} AS k FROM ${table} ORDER BY id`)).rows.map((r) => r.k!);

  it('re-derives every stored category at start-up when the thresholds change, and records them', async () => {
    for (const [hadir, ayah] of [
      [85, 5_000_000],
      [78, 3_000_000],
      [70, 2_000_000],
    ] as const) {
      const siswaId = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id;
      await admin
        .post('/api/presensi')
        .send(makePresensi(siswaId, { jumlah_hadir: hadir, jumlah_sakit: 100 - hadir, jumlah_izin: 0, jumlah_alpa: 0 }))
        .expect(201);
      await admin
        .post('/api/penghasilan')
        .send(makePenghasilan(siswaId, { penghasilan_ayah: ayah, penghasilan_ibu: 0 }))
        .expect(201);
    }
    await expect(categories('presensi', 'kategori_kehadiran')).resolves.toEqual(['Tinggi', 'Sedang', 'Rendah']);
    await expect(categories('penghasilan_orang_tua', 'kategori_penghasilan')).resolves.toEqual(['Tinggi', 'Menengah', 'Rendah']);
    const stored = await db.query(`SELECT key, value FROM app_setting WHERE key LIKE 'thresholds.%' ORDER BY key`);
    expect(stored.rows).toEqual([
      { key: 'thresholds.kehadiran', value: { Tinggi: 80, Sedang: 75 } },
      { key: 'thresholds.penghasilan', value: { Tinggi: 5_000_000, Menengah: 2_300_000 } },
    ]);

    await restartWith({ ATTENDANCE_HIGH_MIN: '90', ATTENDANCE_MEDIUM_MIN: '70', INCOME_HIGH_MIN: '6000000', INCOME_MEDIUM_MIN: '1800000' });
    await expect(categories('presensi', 'kategori_kehadiran')).resolves.toEqual(['Sedang', 'Sedang', 'Sedang']);
    await expect(categories('penghasilan_orang_tua', 'kategori_penghasilan')).resolves.toEqual(['Menengah', 'Menengah', 'Menengah']);

    await restartWith({});
    await expect(categories('presensi', 'kategori_kehadiran')).resolves.toEqual(['Tinggi', 'Sedang', 'Rendah']);
    await expect(categories('penghasilan_orang_tua', 'kategori_penghasilan')).resolves.toEqual(['Tinggi', 'Menengah', 'Rendah']);
  });

  it('leaves rows alone when the thresholds are unchanged', async () => {
    const before = await db.query('SELECT id, updated_at FROM presensi ORDER BY id');
    await restartWith({});
    const after = await db.query('SELECT id, updated_at FROM presensi ORDER BY id');
    expect(after.rows).toEqual(before.rows);
  });
});
