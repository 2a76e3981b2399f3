import { errorCodes } from '../i18n/error-codes';

/** Codes of the Prometheus endpoint. */
export const METRICS_ERRORS = errorCodes({
  METRICS_TOKEN_REQUIRED: 'METRICS_TOKEN_REQUIRED',
  METRICS_LOOPBACK_ONLY: 'METRICS_LOOPBACK_ONLY',
});
