import type { FieldError } from '../http/problem';
import { coerceCell, type RawCell } from './cell-values';
import { csvRows } from './csv-rows';
import { textProblem, unneutralizeCsvText } from './safe-text';
import { type ImportColumn, normalizeHeader } from './sheet-columns';
import type { UploadLimits } from './upload-limits';
import { emptyFile, limitExceeded, missingColumns, unreadable, uploadMsg, unsupportedType } from './upload-problem';
import { type SheetRow, xlsxRows } from './xlsx-rows';

/** A data row of an upload: its number (1 = first row under the header) and request-shaped values. */
export interface ParsedRow {
  row: number;
  values: Record<string, unknown>;
  /** Cells that cannot be stored as text (NUL, invalid UTF-8, lone surrogates), by request field. */
  errors?: FieldError[];
}

/** What a reader hands on: first the header (which request fields the file has), then rows in batches. */
export type UploadChunk = { present: string[] } | { rows: ParsedRow[] };

export interface UploadSource {
  filename: string;
  buffer: Buffer;
}

type Kind = 'xlsx' | 'csv';

function kindOf(file: UploadSource): Kind {
  const name = file.filename.toLowerCase();
  const isZip = file.buffer.subarray(0, 2).toString('latin1') === 'PK';
  if (name.endsWith('.xlsx') && isZip) return 'xlsx';
  if (name.endsWith('.csv') && !isZip) return 'csv';
  throw unsupportedType(file.filename);
}

function isBlank(cells: RawCell[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

/**
 * Reads an uploaded .xlsx (first worksheet) or .csv as a stream of row batches: the first non-empty
 * row is the header, matched to the import columns by name (extra columns such as ID or Dibuat are
 * ignored, so an export uploads back); a missing required column is 422 naming it. Blank rows are
 * skipped but keep their numbers. The limits are checked on every row as it is read.
 */
export async function* parseUpload(
  file: UploadSource,
  columns: readonly ImportColumn[],
  limits: UploadLimits,
  batchSize = 1000,
): AsyncGenerator<UploadChunk> {
  const kind = kindOf(file);
  const source: AsyncGenerator<SheetRow> = kind === 'xlsx' ? xlsxRows(file.buffer, file.filename, limits) : csvRows(file.buffer, file.filename);
  let header: { number: number; positions: Array<[ImportColumn, number]> } | undefined;
  let batch: ParsedRow[] = [];
  let count = 0;
  for await (const { number, cells } of source) {
    if (cells.length > limits.maxColumns) throw limitExceeded(file.filename, 'maxColumns', limits.maxColumns, number);
    for (const cell of cells) {
      if (typeof cell === 'string' && cell.length > limits.maxCellChars)
        throw limitExceeded(file.filename, 'maxCellChars', limits.maxCellChars, number);
    }
    if (isBlank(cells)) continue;
    if (!header) {
      header = { number, positions: matchHeader(cells, columns) };
      yield { present: header.positions.map(([c]) => c.field) };
      continue;
    }
    count += 1;
    if (count > limits.maxRows) throw limitExceeded(file.filename, 'maxRows', limits.maxRows);
    batch.push(toParsedRow(number - header.number, cells, header.positions, kind));
    if (batch.length >= batchSize) {
      yield { rows: batch };
      batch = [];
    }
  }
  if (!header) throw unreadable(file.filename, uploadMsg('FILE_EMPTY'));
  if (count === 0) throw emptyFile(file.filename);
  if (batch.length > 0) yield { rows: batch };
}

function matchHeader(cells: RawCell[], columns: readonly ImportColumn[]): Array<[ImportColumn, number]> {
  const positions = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (typeof cell === 'string' && !positions.has(normalizeHeader(cell))) positions.set(normalizeHeader(cell), i);
  });
  const has = (c: ImportColumn): boolean => positions.has(normalizeHeader(c.header));
  // In column order; a group of alternatives is named once, where its first column is.
  const missing = columns.flatMap((c): string[] => {
    if (c.required) return has(c) ? [] : [c.header];
    if (!c.oneOf || columns.find((o) => o.oneOf === c.oneOf) !== c) return [];
    const alternatives = columns.filter((o) => o.oneOf === c.oneOf);
    return alternatives.some(has) ? [] : [alternatives.map((o) => o.header).join(' / ')];
  });
  if (missing.length > 0) throw missingColumns(missing);
  return columns.flatMap((c): Array<[ImportColumn, number]> => {
    const at = positions.get(normalizeHeader(c.header));
    return at === undefined ? [] : [[c, at]];
  });
}

function toParsedRow(row: number, cells: RawCell[], positions: Array<[ImportColumn, number]>, kind: Kind): ParsedRow {
  const values: Record<string, unknown> = {};
  let errors: FieldError[] | undefined;
  for (const [column, at] of positions) {
    let cell = cells[at] ?? null;
    if (typeof cell === 'string') {
      const problem = textProblem(cell);
      if (problem) {
        (errors ??= []).push({ field: column.field, message: uploadMsg(problem, { field: column.field }) });
        continue;
      }
      // Our CSV exports put ' before text that would start a formula; the upload takes it off again.
      if (kind === 'csv') cell = unneutralizeCsvText(cell);
    }
    values[column.field] = coerceCell(cell, column.type);
  }
  return errors ? { row, values, errors } : { row, values };
}
