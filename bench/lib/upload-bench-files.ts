import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/** A nilai upload naming each student by NIS (`<prefix>000001`…, as siswaCsv numbers them). */
const NILAI_HEADERS = ['NIS', 'Semester', 'Tahun Ajaran', 'Matematika', 'Bahasa Indonesia', 'Bahasa Inggris', 'Bahasa Jawa', 'IPA', 'Agama', 'PJOK', 'PKN', 'Sejarah', 'Seni', 'Dasar Kejuruan'];

function nilaiRow(i: number, nisPrefix: string, tahunAjaran: string): Array<string | number> {
  const scores = Array.from({ length: 11 }, (_, s) => 50 + ((i * 7 + s * 13) % 50) + (s % 3 === 0 ? 0.5 : 0));
  return [`${nisPrefix}${String(i).padStart(6, '0')}`, i % 2 ? 'Ganjil' : 'Genap', tahunAjaran, ...scores];
}

/** `rows` report cards for the students `<nisPrefix>000001`… in one school year, as CSV. */
export function nilaiCsv(rows: number, nisPrefix: string, tahunAjaran: string): Buffer {
  const lines = [NILAI_HEADERS.join(',')];
  for (let i = 1; i <= rows; i++) lines.push(nilaiRow(i, nisPrefix, tahunAjaran).join(','));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** The same report cards as an .xlsx with shared strings and number cells, as Excel saves it. */
export async function nilaiXlsx(rows: number, nisPrefix: string, tahunAjaran: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Data Nilai Raport');
  sheet.addRow(NILAI_HEADERS).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow(nilaiRow(i, nisPrefix, tahunAjaran)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
