import { spreadsheetDate } from '../dates/school-date';
import type { ImportType } from './sheet-columns';

/** What a cell holds after unwrapping exceljs' rich text, hyperlinks and formulas. */
export type RawCell = string | number | boolean | Date | null;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** exceljs cell values come in several shapes; the text or result is what the user sees. */
export function unwrapExcelCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: Array<{ text: string }>;
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return unwrapExcelCell(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

function toNumber(text: string, integer: boolean): number | string {
  // Spreadsheets typed in Indonesian locale write 85,5 for 85.5 and 5.000.000 for five million.
  if (integer && /^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ''));
  if (/^-?\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  if (/^-?\d*\.\d+(e[+-]?\d+)?$/i.test(text) || /^-?\d+e[+-]?\d+$/i.test(text)) return Number(text);
  return text; // left as text, so validation names the field ("must be a number")
}

/**
 * Converts a cell to what the request DTO expects, without judging it: values that do not convert
 * are passed on as they are and the DTO's validation reports them with the field's name.
 * Empty cells become undefined (a missing value), never the empty string.
 */
export function coerceCell(cell: RawCell, type: ImportType): unknown {
  if (cell === null) return undefined;
  if (typeof cell === 'string' && cell.trim() === '') return undefined;
  switch (type) {
    case 'string':
      if (cell instanceof Date) return spreadsheetDate(cell);
      return typeof cell === 'string' ? cell.trim() : String(cell);
    case 'number':
    case 'integer':
      return typeof cell === 'string' ? toNumber(cell.trim(), type === 'integer') : cell;
    case 'date':
      if (cell instanceof Date) return spreadsheetDate(cell);
      // A date cell without date formatting arrives as Excel's day serial number.
      if (typeof cell === 'number' && cell > 0 && cell < 100_000)
        return spreadsheetDate(new Date(EXCEL_EPOCH_MS + Math.round(cell) * DAY_MS));
      return typeof cell === 'string' ? cell.trim() : cell;
  }
}
