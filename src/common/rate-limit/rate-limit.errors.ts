import { errorCodes } from '../../i18n/error-codes';

/** Codes of the per-user limits of expensive routes (common/rate-limit). */
export const RATE_LIMIT_ERRORS = errorCodes({
  RATE_LIMITED: 'RATE_LIMITED',
});
