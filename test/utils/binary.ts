import ExcelJS from 'exceljs';
import type { Response } from 'superagent';

/** A supertest parser keeping the body as bytes (exports: `.buffer(true).parse(binary)`). */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The numbers in column `column` (1-based) of an .xlsx file's first sheet, below its header row. */
export async function xlsxNumbers(file: Buffer, column: number): Promise<number[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const values: number[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => n > 1 && values.push(Number(row.getCell(column).value)));
  return values;
}
