import { HttpStatus } from '@nestjs/common';
import { DomainException } from '../common/http/problem';

/** Every error of the recycle bin, in one place (codes stable, messages to be catalogued). */
export const TrashErrors = {
  notFound: (id: number): DomainException =>
    new DomainException(HttpStatus.NOT_FOUND, 'TRASH_NOT_FOUND', `Trash item ${id} not found (restored, purged or never there)`),

  /** The data changed since the delete so the rows no longer fit: a taken NIS, a missing student, … */
  restoreConflict: (id: number, reason: string, constraint: string | undefined): DomainException =>
    new DomainException(HttpStatus.CONFLICT, 'TRASH_RESTORE_CONFLICT', `Trash item ${id} cannot be restored: ${reason}`, {
      constraint: constraint ?? null,
    }),

  unknownTable: (id: number, table: string): DomainException =>
    new DomainException(
      HttpStatus.CONFLICT,
      'TRASH_RESTORE_CONFLICT',
      `Trash item ${id} cannot be restored: table ${table} no longer exists`,
      {
        constraint: null,
      },
    ),
};
