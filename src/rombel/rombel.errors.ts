import { HttpStatus } from '@nestjs/common';
import { DomainException, type FieldError } from '../common/http/problem';
import type { ConstraintRule } from '../records/constraint-errors';
import { errorCodes } from '../i18n/error-codes';
import { msg } from '../i18n/catalogue';
import { RECORD_ERRORS } from '../records/records.errors';
import { TAHUN_AJARAN_ERRORS } from '../tahun-ajaran/tahun-ajaran.errors';

/** Codes of the rombel module (class groups, members, promotion, teaching assignments). */
export const ROMBEL_ERRORS = errorCodes({
  ROMBEL_NOT_FOUND: 'ROMBEL_NOT_FOUND',
  ROMBEL_DUPLICATE: 'ROMBEL_DUPLICATE',
  ROMBEL_HAS_MEMBERS: 'ROMBEL_HAS_MEMBERS',
  ROMBEL_MEMBER_NOT_FOUND: 'ROMBEL_MEMBER_NOT_FOUND',
  SISWA_NOT_ACTIVE: 'SISWA_NOT_ACTIVE',
  SISWA_ALREADY_IN_ROMBEL: 'SISWA_ALREADY_IN_ROMBEL',
  WALI_KELAS_NOT_GURU: 'WALI_KELAS_NOT_GURU',
  KENAIKAN_INVALID: 'KENAIKAN_INVALID',
  KENAIKAN_SUDAH_DIPUTUSKAN: 'KENAIKAN_SUDAH_DIPUTUSKAN',
  KENAIKAN_OTOMATIS_PROPOSAL_ONLY: 'KENAIKAN_OTOMATIS_PROPOSAL_ONLY',
  TAHUN_AJARAN_BERIKUTNYA_TIDAK_ADA: 'TAHUN_AJARAN_BERIKUTNYA_TIDAK_ADA',
  PENUGASAN_NOT_FOUND: 'PENUGASAN_NOT_FOUND',
  PENUGASAN_NOT_GURU: 'PENUGASAN_NOT_GURU',
  PENUGASAN_DUPLICATE: 'PENUGASAN_DUPLICATE',
});

const list = (ids: readonly number[]): string => ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '');

/** Every error of the rombel module (class groups, members, promotion), in one place. */
export const RombelErrors = {
  notFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, ROMBEL_ERRORS.ROMBEL_NOT_FOUND, { id }),
  yearNotFound: (id: number) =>
    new DomainException(HttpStatus.NOT_FOUND, TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_NOT_FOUND, { id }, {
      errors: [{ field: 'tahun_ajaran_id', message: msg('TAHUN_AJARAN_MISSING', { id }) }],
    }),
  siswaNotFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, RECORD_ERRORS.SISWA_NOT_FOUND, { id }),
  siswaMissing: (ids: number[]) =>
    new DomainException(HttpStatus.NOT_FOUND, RECORD_ERRORS.SISWA_NOT_FOUND, { id: list(ids) }, {
      errors: ids.map((id) => ({ field: 'siswa_ids', message: msg('UPLOAD_SISWA_UNKNOWN', { id }) })),
    }),
  notActiveStudents: (ids: number[]) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ROMBEL_ERRORS.SISWA_NOT_ACTIVE,
      { ids: list(ids) },
      {
        errors: ids.map((id) => ({ field: 'siswa_ids', message: msg('SISWA_NOT_AKTIF', { id }) })),
      },
    ),
  inOtherRombel: (rows: Array<{ siswa_id: number; rombel: string }>) =>
    new DomainException(
      HttpStatus.CONFLICT,
      ROMBEL_ERRORS.SISWA_ALREADY_IN_ROMBEL,
      { placed: rows.slice(0, 20).map((r) => `${r.siswa_id} → ${r.rombel}`) },
      { errors: rows.map((r) => ({ field: 'siswa_ids', message: msg('SISWA_IN_ROMBEL', { id: r.siswa_id, rombel: r.rombel }) })) },
    ),
  notMember: (rombelId: number, siswaId: number) =>
    new DomainException(HttpStatus.NOT_FOUND, ROMBEL_ERRORS.ROMBEL_MEMBER_NOT_FOUND, { siswa_id: siswaId, rombel_id: rombelId }),
  waliNotGuru: (id: number) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ROMBEL_ERRORS.WALI_KELAS_NOT_GURU,
      { id },
      {
        errors: [{ field: 'wali_kelas_id', message: msg('MUST_BE_ACTIVE_GURU') }],
      },
    ),
  hasMembers: (id: number) =>
    new DomainException(
      HttpStatus.CONFLICT,
      ROMBEL_ERRORS.ROMBEL_HAS_MEMBERS,
      { id },
    ),
  promotionInvalid: (errors: FieldError[]) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ROMBEL_ERRORS.KENAIKAN_INVALID,
      { count: errors.length, first: errors[0]?.message ?? '' },
      { errors },
    ),
  promotionDone: (id: number) =>
    new DomainException(HttpStatus.CONFLICT, ROMBEL_ERRORS.KENAIKAN_SUDAH_DIPUTUSKAN, { id }),
  noNextYear: (nama: string, next: string) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      ROMBEL_ERRORS.TAHUN_AJARAN_BERIKUTNYA_TIDAK_ADA,
      { next, nama },
      { errors: [{ field: 'keputusan', message: msg('TAHUN_AJARAN_MISSING', { id: next }) }] },
    ),
  proposalOnly: () =>
    new DomainException(
      HttpStatus.BAD_REQUEST,
      ROMBEL_ERRORS.KENAIKAN_OTOMATIS_PROPOSAL_ONLY,
    ),
};

/** What the rombel tables' named constraints mean (migration 1764231500000). */
export const ROMBEL_CONSTRAINTS: Record<string, ConstraintRule> = {
  uq_rombel_nama_tahun_ajaran: {
    status: HttpStatus.CONFLICT,
    code: ROMBEL_ERRORS.ROMBEL_DUPLICATE,
    field: 'nama',
  },
  fk_rombel_tahun_ajaran: {
    status: HttpStatus.NOT_FOUND,
    code: TAHUN_AJARAN_ERRORS.TAHUN_AJARAN_NOT_FOUND,
    field: 'tahun_ajaran_id',
    message: msg('FIELD_DOES_NOT_EXIST', { field: 'tahun_ajaran_id' }),
  },
  fk_rombel_wali_kelas: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: ROMBEL_ERRORS.WALI_KELAS_NOT_GURU,
    field: 'wali_kelas_id',
    message: msg('FIELD_DOES_NOT_EXIST', { field: 'wali_kelas_id' }),
  },
  fk_rombel_siswa_rombel: {
    status: HttpStatus.CONFLICT,
    code: ROMBEL_ERRORS.ROMBEL_HAS_MEMBERS,
    field: 'tahun_ajaran_id',
    message: msg('ROMBEL_HAS_MEMBERS_FIELD'),
  },
  uq_rombel_siswa_tahun_ajaran: {
    status: HttpStatus.CONFLICT,
    code: ROMBEL_ERRORS.SISWA_ALREADY_IN_ROMBEL,
    field: 'siswa_ids',
    message: msg('SISWA_IN_ROMBEL_RACE'),
  },
  fk_rombel_siswa_siswa: {
    status: HttpStatus.NOT_FOUND,
    code: RECORD_ERRORS.SISWA_NOT_FOUND,
    field: 'siswa_ids',
    message: msg('SISWA_DELETED_MEANWHILE'),
  },
};
