import { HttpStatus } from '@nestjs/common';
import { DomainException, type FieldError } from '../common/http/problem';
import type { ConstraintRule } from '../records/constraint-errors';
import { errorCodes } from '../i18n/error-codes';
import { msg } from '../i18n/catalogue';
import { HTTP_ERRORS } from '../common/http/http.errors';

/** Codes of the school-year module. */
export const TAHUN_AJARAN_ERRORS = errorCodes({
  TAHUN_AJARAN_NOT_FOUND: 'TAHUN_AJARAN_NOT_FOUND',
  TAHUN_AJARAN_NONE_ACTIVE: 'TAHUN_AJARAN_NONE_ACTIVE',
  TAHUN_AJARAN_ACTIVE_REQUIRED: 'TAHUN_AJARAN_ACTIVE_REQUIRED',
  TAHUN_AJARAN_IN_USE: 'TAHUN_AJARAN_IN_USE',
  TAHUN_AJARAN_DUPLICATE: 'TAHUN_AJARAN_DUPLICATE',
  TAHUN_AJARAN_ACTIVATION_CONFLICT: 'TAHUN_AJARAN_ACTIVATION_CONFLICT',
  TAHUN_AJARAN_UNKNOWN: 'TAHUN_AJARAN_UNKNOWN',
});

/** Every error of the school-year module, in one place (for the message catalogues). */
export const TahunAjaranErrors = {
  notFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_NOT_FOUND, { id }),
  noneActive: () =>
    new DomainException(
      HttpStatus.NOT_FOUND,
      TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_NONE_ACTIVE,
    ),
  invalid: (errors: FieldError[]) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, HTTP_ERRORS.VALIDATION_FAILED, {}, { errors }),
  cannotDeactivate: () =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_ACTIVE_REQUIRED,
      {},
      { errors: [{ field: 'aktif', message: msg('ACTIVATE_ANOTHER_YEAR') }] },
    ),
  nameInUse: (nama: string) =>
    new DomainException(
      HttpStatus.CONFLICT,
      TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_IN_USE,
      { nama },
      { errors: [{ field: 'nama', message: msg('YEAR_IN_USE') }] },
    ),
};

/** What the year's named constraints mean (migration 1764231500000). */
export const TAHUN_AJARAN_CONSTRAINTS: Record<string, ConstraintRule> = {
  uq_tahun_ajaran_nama: {
    status: HttpStatus.CONFLICT,
    code: TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_DUPLICATE,
    field: 'nama',
  },
  uq_tahun_ajaran_aktif: {
    status: HttpStatus.CONFLICT,
    code: TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_ACTIVATION_CONFLICT,
    field: 'aktif',
  },
  ck_tahun_ajaran_periode: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: HTTP_ERRORS.VALIDATION_FAILED,
    field: 'selesai',
    message: msg('SELESAI_AFTER_MULAI'),
  },
};
