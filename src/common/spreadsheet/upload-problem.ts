import { LIMIT_SETTINGS, type UploadLimits } from './upload-limits';

/**
 * Why an upload cannot be read, as plain data: the parser may run in a worker thread, where errors
 * cross as messages, so it throws this rather than a Nest exception. All upload messages are here.
 */
export class UploadProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
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

const LIMIT_TEXT: Record<keyof UploadLimits, (max: number) => string> = {
  maxRows: (max) => `more than ${max} data rows`,
  maxInflatedBytes: (max) => `more than ${max} bytes once unzipped`,
  maxColumns: (max) => `more than ${max} columns`,
  maxCellChars: (max) => `a cell longer than ${max} characters`,
};

/** 413 naming the limit (its setting and value); `where` says where it was crossed, when known. */
export function limitExceeded(file: string, limit: keyof UploadLimits, max: number, where?: string): UploadProblem {
  return new UploadProblem(
    PAYLOAD_TOO_LARGE,
    LIMIT_CODES[limit],
    `"${file}" has ${LIMIT_TEXT[limit](max)}${where ? ` (${where})` : ''}; the limit is ${LIMIT_SETTINGS[limit]}=${max}`,
    { limit: LIMIT_SETTINGS[limit], max },
  );
}

/** The reader ran out of its memory budget (a hostile workbook the other limits did not catch). */
export function tooComplex(file: string): UploadProblem {
  return new UploadProblem(
    PAYLOAD_TOO_LARGE,
    'UPLOAD_TOO_COMPLEX',
    `"${file}" needs more memory to read than an upload may use; split it into smaller files`,
    { limit: 'memory' },
  );
}

export function unsupportedType(file: string): UploadProblem {
  return new UploadProblem(
    UNSUPPORTED_MEDIA_TYPE,
    'UNSUPPORTED_FILE_TYPE',
    `Unsupported file "${file}": upload an Excel workbook (.xlsx) or a CSV file (.csv)`,
  );
}

export function unreadable(file: string, reason: string): UploadProblem {
  return new UploadProblem(UNPROCESSABLE_ENTITY, 'UNREADABLE_FILE', `Cannot read "${file}": ${reason}`);
}

export function missingColumns(names: string[]): UploadProblem {
  return new UploadProblem(UNPROCESSABLE_ENTITY, 'MISSING_COLUMNS', `Missing columns: ${names.join(', ')}`, {
    errors: names.map((name) => ({ field: name, message: `column "${name}" is missing from the header row` })),
  });
}

export function emptyFile(file: string): UploadProblem {
  return new UploadProblem(UNPROCESSABLE_ENTITY, 'EMPTY_FILE', `"${file}" has a header row but no data rows`);
}
