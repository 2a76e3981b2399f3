import ExcelJS from 'exceljs';
import request from 'supertest';
import { createRecord, createSiswa, makeNilai, makePenghasilan, makePresensi } from './factories/records';
import { bearer, tokenFor } from './utils/auth';
import { queryDb } from './utils/events';
import { createTestDatabase, startInstance, type TestApp } from './utils/test-app';

/**
 * Issue #15: with DATABASE_READ_URL set, exports, feature statistics and training sets read from that
 * database (src/database/read-database.ts), everything else from DATABASE_URL. The "replica" here is
 * a second clone holding *different* rows, so every answer shows which database served it.
 */
describe('DATABASE_READ_URL: exports and statistics from the read database (e2e)', () => {
  let primary: TestApp;
  let replica: TestApp;
  let token: string;
  const dropAll: Array<() => Promise<void>> = [];

  /** A TestApp on a fresh clone (the read one is only used to put its rows in, then closed). */
  async function appOn(env: Record<string, string> = {}): Promise<TestApp & { stop(): Promise<void> }> {
    const database = await createTestDatabase();
    dropAll.push(database.drop);
    const { app, config, baseUrl } = await startInstance(database.url, env);
    const stop = (): Promise<void> => app.close();
    return { app, config, baseUrl, databaseUrl: database.url, close: stop, stop };
  }

  /** One student-semester with every table the statistics join (nilai, presensi, penghasilan). */
  async function studentSemester(t: TestApp, nama: string): Promise<void> {
    const siswa = await createSiswa(t, { nama });
    await createRecord(t, 'nilai', makeNilai(siswa.id));
    await createRecord(t, 'presensi', makePresensi(siswa.id));
    await createRecord(t, 'penghasilan', makePenghasilan(siswa.id));
  }

  beforeAll(async () => {
    const read = await appOn();
    for (const nama of ['Replika Satu', 'Replika Dua', 'Replika Tiga']) await studentSemester(read, nama);
    await read.stop();
    replica = read;
    primary = await appOn({ DATABASE_READ_URL: read.databaseUrl });
    token = await tokenFor(primary, 'admin');
    await studentSemester(primary, 'Utama Satu');
  }, 120_000);
  afterAll(async () => {
    await primary.close();
    for (const drop of dropAll) await drop();
  });

  it('csv and excel exports come from the read database', async () => {
    const csv = await request(primary.baseUrl).get('/api/siswa/export/csv').set(bearer(token)).expect(200);
    expect(csv.text).toContain('Replika Dua');
    expect(csv.text).not.toContain('Utama Satu');
    const nilai = await request(primary.baseUrl).get('/api/nilai/export/csv').set(bearer(token)).expect(200);
    expect(nilai.text).toContain('Replika Tiga');
    expect(nilai.text).not.toContain('Utama Satu');
    const excel = await request(primary.baseUrl).get('/api/siswa/export/excel').set(bearer(token)).responseType('blob').expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.body as ArrayBuffer);
    const cells = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()));
    expect(cells).toContain('Replika Satu');
    expect(cells).not.toContain('Utama Satu');
  });

  it('feature statistics and the data count come from the read database', async () => {
    const stats = await request(primary.baseUrl).get('/api/prediksi/feature-statistics').set(bearer(token)).expect(200);
    expect(stats.body.data.summary.total_records).toBe(3);
    const count = await request(primary.baseUrl).get('/api/prediksi/data-count').set(bearer(token)).expect(200);
    expect(JSON.stringify(count.body)).toContain('"total_data":3');
  });

  it('statistics of a separate read database are not kept: its rows change without the primary knowing', async () => {
    await request(primary.baseUrl).get('/api/prediksi/feature-statistics').set(bearer(token)).expect(200);
    await queryDb(replica, `UPDATE nilai_raport SET rata_rata = 99.5`);
    const stats = await request(primary.baseUrl).get('/api/prediksi/feature-statistics').set(bearer(token)).expect(200);
    expect(stats.body.data.numerical_statistics.rata_rata.max).toBe(99.5);
  });

  it('writes and ordinary reads use the primary; the read database is left untouched', async () => {
    const list = await request(primary.baseUrl).get('/api/siswa').set(bearer(token)).expect(200);
    expect((list.body as Array<{ nama: string }>).map((s) => s.nama)).toEqual(['Utama Satu']);
    await expect(queryDb(primary, `SELECT nama FROM siswa WHERE nama = 'Utama Satu'`)).resolves.toHaveLength(1);
    await expect(queryDb(replica, `SELECT nama FROM siswa WHERE nama = 'Utama Satu'`)).resolves.toHaveLength(0);
  });
});
