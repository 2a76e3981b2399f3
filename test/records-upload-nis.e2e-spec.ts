import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { csvOf, makeSiswa, uniqueNumber, uploadRowFor } from './factories/records';
import { adminApp } from './utils/admin-app';
import { binary } from './utils/binary-body';

type Cell = string | number | null;

interface Student {
  id: number;
  nis: string;
  nisn: string;
}

/** The upload row of `domain` for a student, its first column (Siswa ID) replaced by the given student columns. */
function rowBy(domain: string, columns: Record<string, Cell>, n: number): { headers: string[]; row: Cell[] } {
  const { headers, row } = uploadRowFor(domain, 0, n);
  return { headers: [...Object.keys(columns), ...headers.slice(1)], row: [...Object.values(columns), ...row.slice(1)] };
}

async function xlsxOf(headers: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Uploads naming students by NIS or NISN (e2e)', () => {
  const app = adminApp();
  const upload = (domain: string, file: Buffer, name: string) => app.upload(domain, file, name);
  const newStudent = async (nisn = `${String(uniqueNumber()).padStart(10, '1')}`.slice(-10)): Promise<Student> => {
    const body = (await app.admin.post('/api/siswa').send({ ...makeSiswa(), nisn }).expect(201)).body as Student;
    return { id: body.id, nis: body.nis, nisn };
  };
  const rowsOf = async (domain: string, siswaId: number): Promise<Array<Record<string, unknown>>> =>
    (await app.admin.get(`/api/${domain}?siswa_id=${siswaId}&limit=1000`).expect(200)).body;

  it('nilai by NIS (csv, 1,200 rows over two read batches) land on the students the NIS name', async () => {
    const students = await Promise.all(Array.from({ length: 6 }, () => newStudent()));
    const rows = Array.from({ length: 1200 }, (_, i) => rowBy('nilai', { NIS: students[Math.floor(i / 200)]!.nis }, i));
    const res = await upload('nilai', csvOf(rows[0]!.headers, rows.map((r) => r.row)), 'nilai.csv').expect(200);
    expect(res.body).toMatchObject({ created: 1200, updated: 0 });
    for (const s of students) expect(await rowsOf('nilai', s.id)).toHaveLength(200);
  });

  it('presensi by NISN in an .xlsx, a NISN typed as a number (leading zero dropped by the spreadsheet) included', async () => {
    const zero = await newStudent('0987654321');
    const other = await newStudent();
    const a = rowBy('presensi', { NISN: 987654321 }, 1);
    const b = rowBy('presensi', { NISN: other.nisn }, 2);
    await upload('presensi', await xlsxOf(a.headers, [a.row, b.row]), 'presensi.xlsx').expect(200);
    expect(await rowsOf('presensi', zero.id)).toEqual([expect.objectContaining({ siswa_id: zero.id, semester: 'Genap' })]);
    expect(await rowsOf('presensi', other.id)).toEqual([expect.objectContaining({ siswa_id: other.id, semester: 'Ganjil' })]);
  });

  it.each(['csv', 'xlsx'])('penghasilan by NIS and prestasi by NISN as %s', async (ext) => {
    const s = await newStudent();
    const file = async (headers: string[], rows: Cell[][]): Promise<Buffer> => (ext === 'csv' ? csvOf(headers, rows) : xlsxOf(headers, rows));
    const income = rowBy('penghasilan', { NIS: s.nis }, 0);
    await upload('penghasilan', await file(income.headers, [income.row]), `p.${ext}`).expect(200);
    expect(await rowsOf('penghasilan', s.id)).toEqual([expect.objectContaining({ siswa_id: s.id, penghasilan_ayah: 2_000_000 })]);
    const achievement = rowBy('prestasi', { NISN: s.nisn }, 3);
    await upload('prestasi', await file(achievement.headers, [achievement.row]), `a.${ext}`).expect(200);
    expect(await rowsOf('prestasi', s.id)).toEqual([expect.objectContaining({ siswa_id: s.id, kategori: 'Sedang' })]);
  });

  it('mixed: each row may use another of the three columns, or several that agree', async () => {
    const [a, b, c, d] = [await newStudent(), await newStudent(), await newStudent(), await newStudent()];
    const columns = (id: Cell, nis: Cell, nisn: Cell) => ({ 'Siswa ID': id, NIS: nis, NISN: nisn });
    const rows = [
      rowBy('prestasi', columns(a.id, null, null), 0),
      rowBy('prestasi', columns(null, b.nis, null), 0),
      rowBy('prestasi', columns(null, null, c.nisn), 0),
      rowBy('prestasi', columns(d.id, d.nis, d.nisn), 0),
    ];
    const res = await upload('prestasi', csvOf(rows[0]!.headers, rows.map((r) => r.row)), 'mixed.csv').expect(200);
    expect(res.body).toMatchObject({ created: 4 });
    for (const s of [a, b, c, d]) expect(await rowsOf('prestasi', s.id)).toHaveLength(1);
  });

  it('columns naming different students, and an unknown NIS or NISN, are row errors; nothing is written', async () => {
    const [a, b] = [await newStudent(), await newStudent()];
    const columns = (id: Cell, nis: Cell, nisn: Cell) => ({ 'Siswa ID': id, NIS: nis, NISN: nisn });
    const rows = [
      rowBy('nilai', columns(null, a.nis, null), 0), // valid
      rowBy('nilai', columns(a.id, b.nis, null), 1),
      rowBy('nilai', columns(null, a.nis, b.nisn), 2),
      rowBy('nilai', columns(null, 'TIDAKADA99', null), 3),
      rowBy('nilai', columns(null, null, '5555555555'), 4),
      rowBy('nilai', columns(null, null, null), 5),
    ];
    const res = await upload('nilai', csvOf(rows[0]!.headers, rows.map((r) => r.row)), 'bad.csv')
      .set('Accept-Language', 'en')
      .expect(422);
    expect(res.body.errors).toEqual([
      { row: 2, field: 'siswa_id', message: `the student columns name different students (Siswa ID ${a.id} → siswa ${a.id}, NIS ${b.nis} → siswa ${b.id})` },
      { row: 3, field: 'siswa_id', message: `the student columns name different students (NIS ${a.nis} → siswa ${a.id}, NISN ${b.nisn} → siswa ${b.id})` },
      { row: 4, field: 'nis', message: 'no student has NIS TIDAKADA99' },
      { row: 5, field: 'nisn', message: 'no student has NISN 5555555555' },
      { row: 6, field: 'siswa_id', message: 'give the student in one of the columns Siswa ID, NIS or NISN' },
    ]);
    expect(res.body.invalid_rows).toBe(5);
    expect(await rowsOf('nilai', a.id)).toEqual([]);
    expect(await rowsOf('nilai', b.id)).toEqual([]);
  });

  it('a file without any student column is 422 naming the three alternatives', async () => {
    const { headers, row } = uploadRowFor('presensi', 1, 0);
    const res = await upload('presensi', csvOf(headers.slice(1), [row.slice(1)]), 'x.csv').expect(422);
    expect(res.body.code).toBe('MISSING_COLUMNS');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['Siswa ID / NIS / NISN']);
  });

  describe.each(['nilai', 'presensi', 'penghasilan', 'prestasi'])('%s round trip', (domain) => {
    it.each(['csv', 'excel'])('export %s carries Siswa ID, NIS and NISN; without Siswa ID it uploads back by NIS', async (format) => {
      const s = await newStudent();
      const seed = uploadRowFor(domain, s.id, 7);
      await upload(domain, csvOf(seed.headers, [seed.row]), 'seed.csv').expect(200);
      const before = await rowsOf(domain, s.id);
      const file = (await app.admin.get(`/api/${domain}/export/${format}?siswa_id=${s.id}`).buffer(true).parse(binary).expect(200)).body as Buffer;

      let table: Cell[][];
      if (format === 'csv') {
        table = parse(file.toString('utf8').replace(/^\uFEFF/, '')) as Cell[][];
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(file as unknown as ArrayBuffer);
        const sheet = workbook.worksheets[0]!;
        table = sheet.getSheetValues().slice(1).map((r) => (r as Cell[]).slice(1));
      }
      const header = table[0]!.map(String);
      expect(header.slice(-2)).toEqual(['NIS', 'NISN']);
      expect(header[1]).toBe('Siswa ID');
      expect(table[1]!.slice(-2).map(String)).toEqual([s.nis, s.nisn]);

      // Without the id column, NIS and NISN alone find the student again.
      const withoutId = table.map((r) => r.filter((_, i) => i !== 1));
      const reupload =
        format === 'csv' ? Buffer.from(stringify(withoutId)) : await xlsxOf(withoutId[0]!.map(String), withoutId.slice(1));
      for (const row of before) await app.admin.delete(`/api/${domain}/${String(row.id)}`).expect(204);
      await upload(domain, reupload, `again.${format === 'csv' ? 'csv' : 'xlsx'}`).expect(200);
      const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ id: _i, created_at: _c, updated_at: _u, ...rest }) => rest);
      expect(strip(await rowsOf(domain, s.id))).toEqual(strip(before));
    });
  });
});
