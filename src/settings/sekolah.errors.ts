import { errorCodes } from '../i18n/error-codes';

/** Codes of the school identity settings (logo). */
export const SEKOLAH_ERRORS = errorCodes({
  LOGO_NOT_FOUND: 'LOGO_NOT_FOUND',
  LOGO_INVALID: 'LOGO_INVALID',
  LOGO_TOO_LARGE: 'LOGO_TOO_LARGE',
});
