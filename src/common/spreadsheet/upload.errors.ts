import { errorCodes } from '../../i18n/error-codes';

/** Codes of spreadsheet uploads (`POST /api/<domain>/upload/excel`). */
export const UPLOAD_ERRORS = errorCodes({
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FILE_REQUIRED: 'FILE_REQUIRED',
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  UNREADABLE_FILE: 'UNREADABLE_FILE',
  MISSING_COLUMNS: 'MISSING_COLUMNS',
  EMPTY_FILE: 'EMPTY_FILE',
  INVALID: 'UPLOAD_INVALID',
});
