import type { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
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
