import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

const HEADERS = ['Nama', 'NIS', 'Jenis Kelamin', 'Kelas', 'Tanggal Lahir', 'Alamat'];

function siswaRow(i: number, prefix: string): string[] {
  return [`Siswa ${i}`, `${prefix}${String(i).padStart(6, '0')}`, i % 2 ? 'P' : 'L', `X ${i % 9}`, '2008-01-15', `Jl. ${i % 500}`];
}

/** `rows` students as a comma-separated CSV (about 45 bytes a row), NIS `<prefix>000001`… */
export function siswaCsv(rows: number, prefix: string): Buffer {
  const lines = [HEADERS.join(',')];
  for (let i = 1; i <= rows; i++) lines.push(siswaRow(i, prefix).join(','));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** The same students as an .xlsx with shared strings, as Excel saves it (streamed, so it is quick). */
export async function siswaXlsx(rows: number, prefix: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Data Siswa');
  sheet.addRow(HEADERS).commit();
  for (let i = 1; i <= rows; i++) sheet.addRow(siswaRow(i, prefix)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipart(file: Buffer, name: string): { body: Buffer; contentType: string } {
  const boundary = `----edupro${Date.now().toString(36)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { body: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}
