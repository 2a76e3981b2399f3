import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { Logger, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify';
import { neutralizeCsvText } from './safe-text';
import type { CellValue, ExportFormat, SpreadsheetSpec } from './sheet-columns';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const logger = new Logger('SpreadsheetExport');

/** Waits while the client reads more slowly than the database delivers, so memory stays bounded. */
async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
  // The client went away: stop reading the database instead of writing into the void.
  if (stream.destroyed) throw new Error('Export aborted: the client closed the connection');
}

async function writeXlsx<T>(out: PassThrough, spec: SpreadsheetSpec<T>, batches: AsyncIterable<T[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.sheetName);
  sheet.columns = spec.exportColumns.map((c) => ({
    header: c.header,
    width: c.width ?? 16,
  }));
  for await (const batch of batches) {
    // Committing each row hands it to the zip stream; nothing accumulates in the worksheet.
    for (const row of batch) sheet.addRow(spec.exportColumns.map((c) => c.value(row))).commit();
    await drained(out);
  }
  sheet.commit();
  await workbook.commit();
}

/** Text that a spreadsheet would run as a formula gets a ' in front; numbers (also negative) stay numbers. */
function csvCell(value: CellValue): string | number {
  if (value === null) return '';
  return typeof value === 'string' ? neutralizeCsvText(value) : value;
}

async function writeCsv<T>(out: PassThrough, spec: SpreadsheetSpec<T>, batches: AsyncIterable<T[]>): Promise<void> {
  // The BOM makes Excel open the UTF-8 file with the right encoding (names with diacritics).
  const csv = stringify({
    bom: true,
    header: true,
    columns: spec.exportColumns.map((c) => c.header),
  });
  csv.pipe(out);
  for await (const batch of batches) {
    for (const row of batch) {
      if (!csv.write(spec.exportColumns.map((c) => csvCell(c.value(row))))) await once(csv, 'drain');
    }
    await drained(out);
  }
  csv.end();
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
