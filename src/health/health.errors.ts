import { errorCodes } from '../i18n/error-codes';

/** Codes of the readiness endpoint. */
export const HEALTH_ERRORS = errorCodes({
  NOT_READY: 'NOT_READY',
});
