import type { ErrorCode } from './catalogue';

/**
 * A module's error codes as one frozen object (issue #11), e.g.
 * `AUTH_ERRORS = errorCodes({ INVALID_CREDENTIALS: 'INVALID_CREDENTIALS' })`. Every value must be a
 * key of the English catalogue (`src/i18n/en/errors.json`) — the compiler says so — and the catalogue
 * test checks that each has an Indonesian text with the same parameters and belongs to some module.
 */
export function errorCodes<const T extends Readonly<Record<string, ErrorCode>>>(codes: T): Readonly<T> {
  return Object.freeze(codes);
}
