import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/http/problem';
import { errorCodes } from '../i18n/error-codes';
import type { Message } from '../i18n/catalogue';
import { msg } from '../i18n/catalogue';

/** Codes of the recycle bin. */
export const TRASH_ERRORS = errorCodes({
  TRASH_NOT_FOUND: 'TRASH_NOT_FOUND',
  TRASH_RESTORE_CONFLICT: 'TRASH_RESTORE_CONFLICT',
});

/** Every error of the recycle bin, in one place (codes stable, messages to be catalogued). */
export const TrashErrors = {
  notFound: (id: number): DomainException =>
    new DomainException(HttpStatus.NOT_FOUND, TRASH_ERRORS.TRASH_NOT_FOUND, { id }),

  /** The data changed since the delete so the rows no longer fit: a taken NIS, a missing student, … */
  restoreConflict: (id: number, reason: Message | string, constraint: string | undefined): DomainException =>
    new DomainException(HttpStatus.CONFLICT, TRASH_ERRORS.TRASH_RESTORE_CONFLICT, { id, reason }, {
      constraint: constraint ?? null,
    }),

  unknownTable: (id: number, table: string): DomainException =>
    new DomainException(
      HttpStatus.CONFLICT,
      TRASH_ERRORS.TRASH_RESTORE_CONFLICT,
      { id, reason: msg('TRASH_TABLE_GONE', { table }) },
      {
        constraint: null,
      },
    ),
};
