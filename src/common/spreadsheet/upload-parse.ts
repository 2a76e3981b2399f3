import { HttpStatus } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { type Message, msg } from '../../i18n/catalogue';
import { DomainException } from '../http/problem';
import { UPLOAD_ERRORS } from './upload.errors';
import { coerceCell, type RawCell, unwrapExcelCell } from './cell-values';
import { type ImportColumn, normalizeHeader } from './sheet-columns';
import type { UploadedSheet } from './upload-file';

/** A data row of an upload: its number (1 = first row under the header) and request-shaped values. */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
}

type Kind = 'xlsx' | 'csv';

function kindOf(file: UploadedSheet): Kind {
  const name = file.filename.toLowerCase();
  const isZip = file.buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (name.endsWith('.xlsx') && isZip) return 'xlsx';
  if (name.endsWith('.csv') && !isZip) return 'csv';
  throw new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UPLOAD_ERRORS.UNSUPPORTED_FILE_TYPE, { file: file.filename });
}

function unreadable(file: UploadedSheet, reason: Message): DomainException {
  return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, UPLOAD_ERRORS.UNREADABLE_FILE, { file: file.filename, reason });
}

async function readXlsx(file: UploadedSheet): Promise<RawCell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(file, msg('WORKBOOK_INVALID', { cause: error instanceof Error ? error.message : '' }));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable(file, msg('WORKBOOK_NO_SHEET'));
  const rows: RawCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = unwrapExcelCell(cell.value);
    });
    rows[rowNumber - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

function readCsv(file: UploadedSheet): RawCell[][] {
  const text = file.buffer.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // Excel in the Indonesian locale saves CSV with semicolons; our exports use commas.
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw unreadable(file, msg('CSV_INVALID', { cause: error instanceof Error ? error.message : '' }));
  }
}

function isBlank(cells: RawCell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Reads an uploaded .xlsx (first worksheet) or .csv: the first non-empty row is the header, matched to
 * the import columns by name (extra columns such as ID or Dibuat are ignored, so an export uploads
 * back); a missing required column is 422 naming it. Blank rows are skipped but keep their numbers.
 */
export async function parseUpload(file: UploadedSheet, columns: readonly ImportColumn[]): Promise<ParsedRow[]> {
  const kind = kindOf(file);
  const table = kind === 'xlsx' ? await readXlsx(file) : readCsv(file);
  const headerIndex = table.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) throw unreadable(file, msg('FILE_EMPTY'));
  const positions = new Map<string, number>();
  table[headerIndex]!.forEach((cell, i) => {
    if (typeof cell === 'string' && !positions.has(normalizeHeader(cell))) positions.set(normalizeHeader(cell), i);
  });
  const missing = columns.filter((c) => c.required && !positions.has(normalizeHeader(c.header)));
  if (missing.length > 0) {
    const names = missing.map((c) => c.header);
    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, UPLOAD_ERRORS.MISSING_COLUMNS, { columns: names }, {
      errors: names.map((name) => ({
        field: name,
        message: msg('COLUMN_MISSING', { column: name }),
      })),
    });
  }
  const rows: ParsedRow[] = [];
  table.slice(headerIndex + 1).forEach((cells, i) => {
    if (isBlank(cells)) return;
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      const at = positions.get(normalizeHeader(column.header));
      if (at !== undefined) values[column.field] = coerceCell(cells[at] ?? null, column.type);
    }
    rows.push({ row: i + 1, values });
  });
  return rows;
}
