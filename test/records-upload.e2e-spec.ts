import ExcelJS from 'exceljs';
import { type ApiClient, clientAs, csvOf, makeSiswa, uploadRowFor } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

const NILAI_HEADERS = uploadRowFor('nilai', 1, 0).headers;

describe('Uploads of the record domains (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_LIMIT_BYTES: String(256 * 1024) });
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (path: string, file: Buffer, name: string) => admin.post(`/api/${path}/upload/excel`).attach('file', file, name);
  const newSiswa = async (): Promise<number> => (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id;
  const total = async (path: string, query = ''): Promise<number> =>
    Number((await admin.get(`/api/${path}?limit=1${query}`).expect(200)).headers['x-total-count']);

  it('one bad row among 500 writes nothing and names the row and field', async () => {
    // 100 rows per student: school years are 2000–2100, so one student has only 200 (semester, year) keys.
    const siswaIds = [await newSiswa(), await newSiswa(), await newSiswa(), await newSiswa(), await newSiswa()];
    const rows = Array.from({ length: 500 }, (_, i) => uploadRowFor('nilai', siswaIds[Math.floor(i / 100)]!, i).row);
    rows[249]![3] = 101; // row 250, Matematika
    rows[399]![1] = 'Pendek'; // row 400, Semester
    const before = await total('nilai');
    const res = await upload('nilai', csvOf(NILAI_HEADERS, rows), 'nilai.csv').expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([
      { row: 250, field: 'matematika', message: expect.any(String) },
      { row: 400, field: 'semester', message: expect.any(String) },
    ]);
    expect(res.body.detail).toMatch(/250/);
    await expect(total('nilai')).resolves.toBe(before);

    rows[249]![3] = 100;
    rows[399]![1] = 'Genap';
    const ok = await upload('nilai', csvOf(NILAI_HEADERS, rows), 'nilai.csv').expect(200);
    expect(ok.body).toMatchObject({ status: 'success', created: 500, updated: 0, message: expect.any(String) });
    await expect(total('nilai')).resolves.toBe(before + 500);
  });

  it('existing keys are errors by default, updated with mode=upsert; dry_run writes nothing', async () => {
    const siswaId = await newSiswa();
    const first = uploadRowFor('presensi', siswaId, 1);
    const second = uploadRowFor('presensi', siswaId, 2);
    await upload('presensi', csvOf(first.headers, [first.row]), 'p.csv').expect(200);
    const changed = [...first.row.slice(0, 3), 50, 50, 0, 0];

    const dup = await upload('presensi', csvOf(first.headers, [changed, second.row]), 'p.csv').expect(422);
    expect(dup.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'siswa_id' })]);

    const dry = await upload('presensi', csvOf(first.headers, [changed, second.row]), 'p.csv')
      .query({ mode: 'upsert', dry_run: 'true' })
      .expect(200);
    expect(dry.body).toMatchObject({ status: 'success', created: 1, updated: 1, dry_run: true });
    await expect(total('presensi', `&siswa_id=${siswaId}`)).resolves.toBe(1);

    const res = await upload('presensi', csvOf(first.headers, [changed, second.row]), 'p.csv')
      .query({ mode: 'upsert' })
      .expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1, dry_run: false });
    const rows = (await admin.get(`/api/presensi?siswa_id=${siswaId}&sort=semester`).expect(200)).body;
    expect(rows).toHaveLength(2);
    expect(rows.find((r: { jumlah_hadir: number }) => r.jumlah_hadir === 50)).toMatchObject({
      persentase_kehadiran: 50,
      kategori_kehadiran: 'Rendah',
    });
  });

  it('the same key twice in a file, and an unknown student, are row errors', async () => {
    const siswaId = await newSiswa();
    const a = uploadRowFor('prestasi', siswaId, 7);
    const missing = uploadRowFor('prestasi', 999999, 8);
    const res = await upload('prestasi', csvOf(a.headers, [a.row, a.row, missing.row]), 'x.csv').expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 2, field: 'siswa_id', message: expect.stringMatching(/baris 1/) }),
      expect.objectContaining({ row: 3, field: 'siswa_id', message: expect.stringMatching(/tidak ditemukan/) }),
    ]);
  });

  it('missing columns are 422 naming them', async () => {
    const res = await upload('siswa', csvOf(['Nama', 'Kelas'], [['Ani', 'X']]), 's.csv').expect(422);
    expect(res.body.code).toBe('MISSING_COLUMNS');
    expect(res.body.detail).toMatch(/NIS/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['NIS', 'Jenis Kelamin', 'Tanggal Lahir']);
  });

  it('a file over the limit is 413; a wrong type is 415; no file is 422', async () => {
    const big = Buffer.alloc(300 * 1024, 'a');
    const tooBig = await upload('siswa', big, 'big.csv');
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers['content-type']).toMatch(/^application\/problem\+json/);
    await upload('siswa', Buffer.from('hello'), 'notes.txt').expect(415);
    await upload('siswa', Buffer.from('PK\u0003\u0004garbage'), 'old.xls').expect(415);
    await admin.post('/api/siswa/upload/excel').send({ file: 'x' }).expect(415);
    await admin.post('/api/siswa/upload/excel').field('other', 'x').expect(422);
    const broken = await upload('siswa', Buffer.from('PK\u0003\u0004garbage'), 'broken.xlsx');
    expect(broken.status).toBe(422);
  });

  it('reads .xlsx uploads with date cells, numeric NIS cells and headers in any case', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['nama', 'nis', 'JENIS KELAMIN', 'kelas', 'tanggal_lahir', 'Catatan lain']);
    sheet.addRow(['Dewi Sartika', 2024555, 'perempuan', 'X C', new Date(Date.UTC(2008, 2, 9)), 'ignored']);
    sheet.addRow([]);
    sheet.addRow(['Eko Prasetyo', 'E2024556', 'Laki-laki', 'X C', '2008-03-10', null]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload('siswa', file, 'siswa.xlsx').expect(200);
    expect(res.body).toMatchObject({ created: 2, updated: 0 });
    const rows = (await admin.get('/api/siswa?kelas=X%20C').expect(200)).body;
    expect(rows).toEqual([
      expect.objectContaining({ nama: 'Dewi Sartika', nis: '2024555', jenis_kelamin: 'Perempuan', jenis_kelamin_kode: 'P', tanggal_lahir: '2008-03-09', alamat: null }),
      expect.objectContaining({ nama: 'Eko Prasetyo', nis: 'E2024556', jenis_kelamin: 'Laki-laki', jenis_kelamin_kode: 'L', tanggal_lahir: '2008-03-10' }),
    ]);
  });

  it('reads semicolon CSV with a BOM and decimal commas (Excel in the Indonesian locale)', async () => {
    const siswaId = await newSiswa();
    const { headers, row } = uploadRowFor('nilai', siswaId, 3);
    const text = '\uFEFF' + [headers.join(';'), [...row.slice(0, 3), '85,5', ...row.slice(4)].join(';')].join('\r\n');
    await upload('nilai', Buffer.from(text, 'utf8'), 'nilai.csv').expect(200);
    const [stored] = (await admin.get(`/api/nilai?siswa_id=${siswaId}`).expect(200)).body;
    expect(stored.matematika).toBe(85.5);
  });

  it('upload rows follow the same rules as the API (a future birth date is refused)', async () => {
    const { headers, row } = uploadRowFor('siswa', 0, 1);
    row[4] = '2999-01-01';
    const res = await upload('siswa', csvOf(headers, [row]), 's.csv').expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 1, field: 'tanggal_lahir' })]);
  });
});
