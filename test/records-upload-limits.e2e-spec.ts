import ExcelJS from 'exceljs';
import { xlsxBomb } from './faults/support/xlsx-bomb';
import { type ApiClient, clientAs, csvOf, uploadRowFor } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

/** The UPLOAD_MAX_* limits, set small so that files crossing them stay small (413 naming the limit). */
describe('Upload limits (e2e)', () => {
  let t: TestApp;
  let staf: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({
      UPLOAD_MAX_ROWS: '50',
      UPLOAD_MAX_INFLATED_BYTES: String(256 * 1024),
      UPLOAD_MAX_COLUMNS: '20',
      UPLOAD_MAX_CELL_CHARS: '300',
    });
    staf = await clientAs(t, 'staf');
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (file: Buffer, name: string, query = '?dry_run=true') => staf.post(`/api/siswa/upload/excel${query}`).attach('file', file, name);
  const siswaRows = (n: number) => Array.from({ length: n }, (_, i) => uploadRowFor('siswa', 0, i));
  const expectLimit = (res: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, limit: string) => {
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.limit).toBe(limit);
    expect(res.body.detail).toContain(limit);
  };

  it('rows: 50 are read, 51 are 413 naming UPLOAD_MAX_ROWS, in CSV and xlsx', async () => {
    const rows = siswaRows(51);
    const headers = rows[0]!.headers;
    await upload(csvOf(headers, rows.slice(0, 50).map((r) => r.row)), 's.csv').expect(200);
    expectLimit(await upload(csvOf(headers, rows.map((r) => r.row)), 's.csv'), 'UPLOAD_MAX_ROWS');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(headers);
    for (const r of rows) sheet.addRow(r.row);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expectLimit(await upload(xlsx, 's.xlsx'), 'UPLOAD_MAX_ROWS');
  });

  it('columns and cell length: 413 naming UPLOAD_MAX_COLUMNS and UPLOAD_MAX_CELL_CHARS', async () => {
    const { headers, row } = uploadRowFor('siswa', 0, 1);
    const wide = csvOf([...headers, ...Array.from({ length: 15 }, (_, i) => `Extra ${i}`)], [[...row, ...Array(15).fill('x')]]);
    expectLimit(await upload(wide, 'wide.csv'), 'UPLOAD_MAX_COLUMNS');
    const long = [...row];
    long[5] = 'a'.repeat(301);
    expectLimit(await upload(csvOf(headers, [long]), 'long.csv'), 'UPLOAD_MAX_CELL_CHARS');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(headers);
    sheet.getCell('AZ2').value = 'far away';
    expectLimit(await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'far.xlsx'), 'UPLOAD_MAX_COLUMNS');
  });

  it('a zip bomb is 413 naming UPLOAD_MAX_INFLATED_BYTES, whether its headers tell the truth or lie', async () => {
    for (const lie of [false, true]) {
      const bomb = await xlsxBomb(8 * 1024 * 1024, { lie });
      expect(bomb.length).toBeLessThan(64 * 1024);
      expectLimit(await upload(bomb, 'bomb.xlsx'), 'UPLOAD_MAX_INFLATED_BYTES');
    }
    // Under the limit the same hand-made workbook is read (so the 413 above is the limit, not the file).
    const small = await xlsxBomb(64 * 1024, { lie: true });
    const res = await upload(small, 'small.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MISSING_COLUMNS');
  });

  it('the file name is echoed only in a safe, short form', async () => {
    const name = `../../etc/<img src=x onerror=alert(1)>"${'x'.repeat(200)}.txt`;
    const res = await upload(Buffer.from('hello'), name).set('Accept-Language', 'en').expect(415);
    const echoed = /^Unsupported file "(.*)": upload/.exec(res.body.detail as string)?.[1] ?? '';
    expect(echoed).not.toMatch(/[<>"/\\]|\.\./);
    expect(echoed).toContain('img src');
    expect(echoed.length).toBeLessThanOrEqual(60);
    expect(echoed).toMatch(/\.txt$/);
  });
});
