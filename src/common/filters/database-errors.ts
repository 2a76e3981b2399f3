import type { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
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
  code: string;
  detail: string;
}

/**
 * Constraint violations are the database enforcing the rules (uniqueness, foreign keys, checks); they
 * are the client's conflict, not a server fault. Races between two writers end here too: the
 * constraint decides and the loser gets 409.
 */
export function mapDatabaseError(error: QueryFailedError): MappedDatabaseError | undefined {
  const pg = (error as unknown as { driverError?: PgError }).driverError ?? (error as unknown as PgError);
  switch (pg.code) {
    case '23505':
      return { status: 409, code: 'DUPLICATE', detail: `Duplicate value violates ${pg.constraint ?? 'a unique constraint'}: ${pg.detail ?? ''}`.trim() };
    case '23503':
      return { status: 404, code: 'REFERENCE_NOT_FOUND', detail: `Referenced row does not exist (${pg.constraint ?? 'foreign key'})` };
    case '23514':
      return { status: 422, code: 'CHECK_VIOLATION', detail: `Value violates ${pg.constraint ?? 'a check constraint'}` };
    case '23502':
      return { status: 422, code: 'NOT_NULL_VIOLATION', detail: 'A required value is missing' };
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return { status: 400, code: 'INVALID_VALUE', detail: 'A value has the wrong format or is out of range' };
    case '57014':
      return { status: 503, code: 'QUERY_TIMEOUT', detail: 'The database took too long to answer; try again' };
    default:
      return undefined;
  }
}
