import { HttpStatus } from '@nestjs/common';
import { DomainException, type FieldError } from './problem';
import { HTTP_ERRORS } from './http.errors';
import { type MessageKey, type MessageParams, msg } from '../../i18n/catalogue';

/**
 * Text refused at the edge, wherever it comes in (URL, JSON body, form body): NUL bytes, which
 * PostgreSQL cannot store in text (one in a login name used to poison the event writer's batch),
 * lone UTF-16 surrogates, which have no UTF-8 form, and bytes that are not UTF-8 at all. Refusing
 * here keeps every layer behind (validation, services, logs, the event log) free of such strings.
 */

/** Deeper JSON is refused before parsing: recursive code behind (class-transformer, validation,
 * redaction) would exhaust the stack on 20,000 levels; no request of this API needs more than a few. */
export const MAX_JSON_DEPTH = 32;

/** Where bad text was found, as a catalogue message (`{where}` in TEXT_NOT_UTF8 and TEXT_BAD_ESCAPE). */
type TextPlace = 'URL' | 'JSON body' | 'form body';
const PLACES: Record<TextPlace, MessageKey> = { URL: 'TEXT_IN_URL', 'JSON body': 'TEXT_IN_JSON_BODY', 'form body': 'TEXT_IN_FORM_BODY' };

const MESSAGES = {
  notUtf8: (where: TextPlace): MessageParams => ({ reason: msg('TEXT_NOT_UTF8', { where: msg(PLACES[where]) }) }),
  badEscape: (where: TextPlace): MessageParams => ({ reason: msg('TEXT_BAD_ESCAPE', { where: msg(PLACES[where]) }) }),
  badChar: msg('TEXT_BAD_CHAR'),
  badCharDetail: (field: string): MessageParams => ({ reason: msg('TEXT_BAD_CHAR_FIELD', { field }) }),
  urlChar: { reason: msg('TEXT_URL_NUL') } as MessageParams,
  tooDeep: { max: MAX_JSON_DEPTH } as MessageParams,
};

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(value: string): boolean {
  return !BAD_TEXT.test(value);
}

const BAD_TEXT_ALL = new RegExp(BAD_TEXT.source, 'g');

/** The text with each NUL and unpaired surrogate replaced by U+FFFD: storable in PostgreSQL text and jsonb. */
export function toStorableText(value: string): string {
  return BAD_TEXT.test(value) ? value.replace(BAD_TEXT_ALL, '\uFFFD') : value;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text; 400 INVALID_TEXT when they are not UTF-8. */
export function decodeUtf8(bytes: Buffer, where: TextPlace): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_TEXT, MESSAGES.notUtf8(where));
  }
}

function invalidField(field: string): DomainException {
  return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, HTTP_ERRORS.INVALID_TEXT, MESSAGES.badCharDetail(field), {
    errors: [{ field, message: MESSAGES.badChar } satisfies FieldError],
  });
}

/**
 * The request target (path and query) must decode to clean UTF-8: `%00`, `%FF` or an encoded
 * surrogate (`%ED%A0%80`) in a path parameter or a query value → 400. Raw non-ASCII bytes (Node
 * hands them over as latin1) must be UTF-8 too.
 */
export function assertCleanUrl(url: string): void {
  // eslint-disable-next-line no-control-regex -- the point is to find raw bytes above ASCII
  if (/[^\x00-\x7f]/.test(url)) decodeUtf8(Buffer.from(url, 'latin1'), 'URL');
  if (!url.includes('%')) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_TEXT, MESSAGES.badEscape('URL'));
  }
  if (decoded.includes('\0')) throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_TEXT, MESSAGES.urlChar);
}

/** Counts bracket depth outside strings without parsing: cheap, and it never recurses. */
function assertJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.JSON_TOO_DEEP, MESSAGES.tooDeep);
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
}

/** Every key and string value of a parsed JSON body (depth already bounded). */
function assertCleanValue(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (!isCleanText(value)) throw invalidField(path || 'body');
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertCleanValue(item, `${path}[${i}]`));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (!isCleanText(key)) throw invalidField(field);
    assertCleanValue(item, field);
  }
}

/** A JSON body: UTF-8, at most MAX_JSON_DEPTH deep, then parsed by `parse`, then clean text. */
export function checkJsonBody(bytes: Buffer): string {
  const text = decodeUtf8(bytes, 'JSON body');
  assertJsonDepth(text);
  return text;
}

export function assertCleanJson(parsed: unknown): void {
  assertCleanValue(parsed, '');
}

/**
 * An application/x-www-form-urlencoded body (the OAuth2 password form), decoded strictly: a
 * malformed or non-UTF-8 escape → 400, a NUL in a field → 422. Repeated keys become arrays, as
 * with the usual parsers; the object has no prototype and `__proto__` is refused.
 */
export function parseFormBody(bytes: Buffer): Record<string, string | string[]> {
  const text = decodeUtf8(bytes, 'form body');
  const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_TEXT, MESSAGES.badEscape('form body'));
    }
    if (key === '__proto__') throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_BODY);
    if (!isCleanText(key) || !isCleanText(value)) throw invalidField(isCleanText(key) ? key : 'body');
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
