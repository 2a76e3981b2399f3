import type { QueryFailedError } from 'typeorm';
import type { ErrorCode, MessageParams } from '../../i18n/catalogue';

interface PgError {
  code?: string;
  constraint?: string;
}

/** SQLSTATEs and socket errors meaning "the database is not there right now". */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /connect ECONNREFUSED/i, /Client has encountered a connection error/i, /Connection ended unexpectedly/i];

/**
 * True when the error says the database is unreachable (down, restarting, pool cannot connect):
 * the request fails fast with 503 and the pool reconnects by itself once the server is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: string; message?: string; driverError?: { code?: string; message?: string } };
  const code = e.driverError?.code ?? e.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = `${e.message ?? ''} ${e.driverError?.message ?? ''}`;
  return UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

export interface MappedDatabaseError {
  status: number;
  code: ErrorCode;
  params?: MessageParams;
}

/**
 * Constraint violations are the database enforcing the rules (uniqueness, foreign keys, checks); they
 * are the client's conflict, not a server fault. Races between two writers end here too: the
 * constraint decides and the loser gets 409. (PostgreSQL's own detail text is English and may quote
 * stored values, so only the constraint's name goes into the answer.)
 */
export function mapDatabaseError(error: QueryFailedError): MappedDatabaseError | undefined {
  const pg = (error as unknown as { driverError?: PgError }).driverError ?? (error as unknown as PgError);
  const constraint = pg.constraint ?? '';
  switch (pg.code) {
    case '23505':
      return { status: 409, code: 'DUPLICATE', params: { constraint } };
    case '23503':
      return { status: 404, code: 'REFERENCE_NOT_FOUND', params: { constraint } };
    case '23514':
      return { status: 422, code: 'CHECK_VIOLATION', params: { constraint } };
    case '23502':
      return { status: 422, code: 'NOT_NULL_VIOLATION' };
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return { status: 400, code: 'INVALID_VALUE' };
    case '57014':
      return { status: 503, code: 'QUERY_TIMEOUT' };
    default:
      return undefined;
  }
}
