/**
 * Text hygiene at the edges of the spreadsheet routes: what a cell may contain, how a file name is
 * echoed back, and how CSV cells are kept from running as formulas (OWASP "CSV injection").
 */

// A NUL, a UTF-16 half without its partner, or U+FFFD (what invalid UTF-8 decodes to).
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;

/** Why a cell's text cannot be stored (its `messages` catalogue key), or undefined when it can. */
export type TextProblem = 'CELL_HAS_NUL' | 'CELL_INVALID_UTF8' | 'CELL_LONE_SURROGATE';

export function textProblem(text: string): TextProblem | undefined {
  const match = BAD_TEXT.exec(text);
  if (!match) return undefined;
  if (match[0] === '\u0000') return 'CELL_HAS_NUL';
  if (match[0] === '\uFFFD') return 'CELL_INVALID_UTF8';
  return 'CELL_LONE_SURROGATE';
}

const MAX_FILE_NAME = 60;

/**
 * The file name as error messages and the event log may show it: the last path segment, letters,
 * digits and `. _-()` only (no quotes, control characters or markup), at most 60 characters with the
 * extension kept, so "…/<script>.csv" cannot be echoed into a page or a log line as sent.
 */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '' || /^[._ ]+$/.test(clean)) return 'upload';
  if (clean.length <= MAX_FILE_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 8 ? clean.slice(dot) : '';
  return `${clean.slice(0, MAX_FILE_NAME - ext.length - 1)}…${ext}`;
}

// Spreadsheet programs treat a cell starting with these as a formula (tab and CR as well, OWASP).
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * A text cell for a CSV export: one `'` in front when it would start a formula. Text that already
 * starts with quotes before such a character gets one more, so `unneutralizeCsvText` is an exact
 * inverse and export → upload is lossless. Numbers are never passed here: -5 stays a number.
 */
export function neutralizeCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of neutralizeCsvText, for cells of an uploaded CSV. */
export function unneutralizeCsvText(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
