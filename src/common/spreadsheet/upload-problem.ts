import type { Message, MessageParams } from '../../i18n/catalogue';
import { LIMIT_SETTINGS, type UploadLimits } from './upload-limits';

/**
 * Why an upload cannot be read, as plain data: the parser may run in a worker thread, where errors
 * cross as messages, so it throws this rather than a Nest exception. Its detail is the catalogue's
 * `code` with `params` (rendered in the request's language by the problem+json filter); reasons
 * and field messages are catalogue messages too (plain objects, so they cross the thread).
 */
export class UploadProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: MessageParams = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** A text of the `messages` catalogue, without loading the catalogue files into the worker. */
export function uploadMsg(key: string, params?: MessageParams): Message {
  return { ns: 'messages', key, params };
}

// Plain numbers, not Nest's HttpStatus: the worker thread should not load the framework.
const PAYLOAD_TOO_LARGE = 413;
const UNSUPPORTED_MEDIA_TYPE = 415;
const UNPROCESSABLE_ENTITY = 422;

const LIMIT_CODES: Record<keyof UploadLimits, string> = {
  maxRows: 'UPLOAD_TOO_MANY_ROWS',
  maxInflatedBytes: 'UPLOAD_INFLATES_TOO_MUCH',
  maxColumns: 'UPLOAD_TOO_MANY_COLUMNS',
  maxCellChars: 'UPLOAD_CELL_TOO_LONG',
};

/** 413 naming the limit (its setting and value); `row` says where it was crossed, when known. */
export function limitExceeded(file: string, limit: keyof UploadLimits, max: number, row?: number): UploadProblem {
  return new UploadProblem(
    PAYLOAD_TOO_LARGE,
    LIMIT_CODES[limit],
    { file, max, setting: LIMIT_SETTINGS[limit], where: row === undefined ? '' : uploadMsg('UPLOAD_AT_ROW', { row }) },
    { limit: LIMIT_SETTINGS[limit], max },
  );
}

/** The reader ran out of its memory budget (a hostile workbook the other limits did not catch). */
export function tooComplex(file: string): UploadProblem {
  return new UploadProblem(PAYLOAD_TOO_LARGE, 'UPLOAD_TOO_COMPLEX', { file }, { limit: 'memory' });
}

export function unsupportedType(file: string): UploadProblem {
  return new UploadProblem(UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_FILE_TYPE', { file });
}

export function unreadable(file: string, reason: Message): UploadProblem {
  return new UploadProblem(UNPROCESSABLE_ENTITY, 'UNREADABLE_FILE', { file, reason });
}

export function missingColumns(names: string[]): UploadProblem {
  return new UploadProblem(UNPROCESSABLE_ENTITY, 'MISSING_COLUMNS', { columns: names }, {
    errors: names.map((name) => ({ field: name, message: uploadMsg('COLUMN_MISSING', { column: name }) })),
  });
}

export function emptyFile(file: string): UploadProblem {
  return new UploadProblem(UNPROCESSABLE_ENTITY, 'EMPTY_FILE', { file });
}
