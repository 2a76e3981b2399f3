import { PassThrough } from 'node:stream';
import { Logger, StreamableFile } from '@nestjs/common';
import { neutralizeCsvText } from './safe-text';
import { drained } from './stream-drain';
import { writeXlsxSheet } from './xlsx-writer';
import type { CellValue, ExportFormat, SpreadsheetSpec } from './sheet-columns';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const logger = new Logger('SpreadsheetExport');

async function writeXlsx<T>(out: PassThrough, spec: SpreadsheetSpec<T>, batches: AsyncIterable<T[]>): Promise<void> {
  await writeXlsxSheet(out, spec.sheetName, spec.exportColumns, batches);
  out.end();
}

/**
 * One CSV field as csv-stringify's defaults write it (quoted when it holds a comma, a quote or a line
 * break, quotes doubled; numbers as JavaScript prints them), text that a spreadsheet would run as a
 * formula with a ' in front (numbers, also negative, stay numbers). Formatted here rather than by
 * csv-stringify: it spent several µs per cell on options and casting, the largest part of an export.
 */
function csvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return csvText(neutralizeCsvText(value));
}

const NEEDS_QUOTES = /[",\r\n]/;
function csvText(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLines<T>(rows: readonly T[], columns: SpreadsheetSpec<T>['exportColumns']): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) out += (i === 0 ? '' : ',') + csvField(columns[i]!.value(row));
    out += '\n';
  }
  return out;
}

async function writeCsv<T>(out: PassThrough, spec: SpreadsheetSpec<T>, batches: AsyncIterable<T[]>): Promise<void> {
  // The BOM makes Excel open the UTF-8 file with the right encoding (names with diacritics).
  out.write('\uFEFF' + spec.exportColumns.map((c) => csvText(c.header)).join(',') + '\n');
  // A batch at a time: a stream write per row (object mode, 16 rows to the high-water mark) spent
  // more time waiting for 'drain' than formatting.
  for await (const batch of batches) {
    out.write(csvLines(batch, spec.exportColumns));
    await drained(out);
  }
  out.end();
}

/**
 * A streamed download: rows are read batch by batch from `batches` and written as they come, so an
 * export of 100,000 rows never holds them all. Headers are sent before the first row; an error
 * later (the database going away) aborts the download rather than sending a truncated file silently.
 */
export function streamExport<T>(format: ExportFormat, spec: SpreadsheetSpec<T>, batches: AsyncIterable<T[]>): StreamableFile {
  const out = new PassThrough();
  const write = format === 'xlsx' ? writeXlsx(out, spec, batches) : writeCsv(out, spec, batches);
  write.catch((error: unknown) => {
    logger.error({ err: error }, `Export of ${spec.fileBase} failed`);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new StreamableFile(out, {
    type: format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8',
    disposition: `attachment; filename=${spec.fileBase}.${format}`,
  });
}
