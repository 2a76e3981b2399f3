import ExcelJS from 'exceljs';
import type { RekapResponseDto } from '../rombel/dto/rekap.dto';
import { type LegerTable, legerTables, type LegerValue } from './leger';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows the header block takes (then one blank row): tests and readers find the table below it. */
export const HEADER_ROWS = 5;

const cell = (v: LegerValue): string | number => (v === null ? '' : v);

function sheetWithHeader(book: ExcelJS.Workbook, name: string, header: Array<[string, string]>): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name);
  for (const [label, value] of header) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  sheet.addRow([]);
  return sheet;
}

function table<R>(sheet: ExcelJS.Worksheet, { columns, rows }: LegerTable<R>): void {
  const head = sheet.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  rows.forEach((r, i) => sheet.addRow(columns.map((c) => cell(c.value(r, i)))));
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(10, Math.round(c.width / 5))));
}

/**
 * The class recap as a workbook: `Leger` (one row per student, one column per subject, average and
 * rank), `Mapel` (per subject against the KKM) and `Total` (the class), each under the same header.
 * Cells are values, never formulas, so a name starting with "=" stays text.
 */
export async function rekapWorkbook(rekap: RekapResponseDto, sekolah: string | null, waliKelas: string | null): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'EduPro';
  const { header, leger, mapel, totals } = legerTables(rekap, sekolah, waliKelas);
  table(sheetWithHeader(book, 'Leger', header), leger);
  table(sheetWithHeader(book, 'Mapel', header), mapel);
  const total = sheetWithHeader(book, 'Total', header);
  total.addRow(['Keterangan', 'Nilai']).font = { bold: true };
  for (const [label, value] of totals) total.addRow([label, cell(value)]);
  total.getColumn(1).width = 26;
  return Buffer.from(await book.xlsx.writeBuffer());
}
