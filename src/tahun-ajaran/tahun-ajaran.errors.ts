import { HttpStatus } from '@nestjs/common';
import { DomainException, type FieldError } from '../common/http/problem';
import type { ConstraintRule } from '../records/constraint-errors';

/** Every error of the school-year module, in one place (for the message catalogues). */
export const TahunAjaranErrors = {
  notFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, 'TAHUN_AJARAN_NOT_FOUND', `tahun ajaran ${id} not found`),
  noneActive: () =>
    new DomainException(
      HttpStatus.NOT_FOUND,
      'TAHUN_AJARAN_NONE_ACTIVE',
      'No school year exists yet; create one at POST /api/tahun-ajaran',
    ),
  invalid: (errors: FieldError[]) =>
    new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, 'VALIDATION_FAILED', errors.map((e) => e.message).join('; '), { errors }),
  cannotDeactivate: () =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'TAHUN_AJARAN_ACTIVE_REQUIRED',
      'One school year is always active: activate another year instead of deactivating this one',
      { errors: [{ field: 'aktif', message: 'activate another year instead' }] },
    ),
  nameInUse: (nama: string) =>
    new DomainException(
      HttpStatus.CONFLICT,
      'TAHUN_AJARAN_IN_USE',
      `tahun ajaran ${nama} is named by nilai, presensi or prestasi rows; it cannot be renamed`,
      { errors: [{ field: 'nama', message: 'the year is in use' }] },
    ),
};

/** What the year's named constraints mean (migration 1764231500000). */
export const TAHUN_AJARAN_CONSTRAINTS: Record<string, ConstraintRule> = {
  uq_tahun_ajaran_nama: {
    status: HttpStatus.CONFLICT,
    code: 'TAHUN_AJARAN_DUPLICATE',
    field: 'nama',
    message: 'this school year already exists',
  },
  uq_tahun_ajaran_aktif: {
    status: HttpStatus.CONFLICT,
    code: 'TAHUN_AJARAN_ACTIVATION_CONFLICT',
    field: 'aktif',
    message: 'another school year was activated at the same time; try again',
  },
  ck_tahun_ajaran_periode: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: 'VALIDATION_FAILED',
    field: 'selesai',
    message: 'selesai must be after mulai',
  },
};
