import { HttpStatus } from '@nestjs/common';
import { DomainException, type FieldError } from '../common/http/problem';
import type { ConstraintRule } from '../records/constraint-errors';

const list = (ids: readonly number[]): string => ids.slice(0, 20).join(', ') + (ids.length > 20 ? ', …' : '');

/** Every error of the rombel module (class groups, members, promotion), in one place. */
export const RombelErrors = {
  notFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, 'ROMBEL_NOT_FOUND', `rombel ${id} not found`),
  yearNotFound: (id: number) =>
    new DomainException(HttpStatus.NOT_FOUND, 'TAHUN_AJARAN_NOT_FOUND', `tahun ajaran ${id} not found`, {
      errors: [{ field: 'tahun_ajaran_id', message: `tahun ajaran ${id} does not exist` }],
    }),
  siswaNotFound: (id: number) => new DomainException(HttpStatus.NOT_FOUND, 'SISWA_NOT_FOUND', `siswa ${id} not found`),
  siswaMissing: (ids: number[]) =>
    new DomainException(HttpStatus.NOT_FOUND, 'SISWA_NOT_FOUND', `These students do not exist: ${list(ids)}`, {
      errors: ids.map((id) => ({ field: 'siswa_ids', message: `siswa ${id} not found` })),
    }),
  notActiveStudents: (ids: number[]) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'SISWA_NOT_ACTIVE',
      `Only students with status aktif can join a rombel: ${list(ids)}`,
      {
        errors: ids.map((id) => ({ field: 'siswa_ids', message: `siswa ${id} is not aktif` })),
      },
    ),
  inOtherRombel: (rows: Array<{ siswa_id: number; rombel: string }>) =>
    new DomainException(
      HttpStatus.CONFLICT,
      'SISWA_ALREADY_IN_ROMBEL',
      `A student is in one rombel per year; already placed: ${rows
        .slice(0, 20)
        .map((r) => `siswa ${r.siswa_id} in ${r.rombel}`)
        .join(', ')}`,
      { errors: rows.map((r) => ({ field: 'siswa_ids', message: `siswa ${r.siswa_id} is already in ${r.rombel}` })) },
    ),
  notMember: (rombelId: number, siswaId: number) =>
    new DomainException(HttpStatus.NOT_FOUND, 'ROMBEL_MEMBER_NOT_FOUND', `siswa ${siswaId} is not a member of rombel ${rombelId}`),
  waliNotGuru: (id: number) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'WALI_KELAS_NOT_GURU',
      `wali_kelas_id ${id} is not an active user with role guru`,
      {
        errors: [{ field: 'wali_kelas_id', message: 'must be an active guru' }],
      },
    ),
  hasMembers: (id: number) =>
    new DomainException(
      HttpStatus.CONFLICT,
      'ROMBEL_HAS_MEMBERS',
      `rombel ${id} has members: remove them first (its year cannot change and it cannot be deleted)`,
    ),
  promotionInvalid: (errors: FieldError[]) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'KENAIKAN_INVALID',
      `${errors.length} problem(s) in the decisions; nothing was changed: ${errors
        .slice(0, 5)
        .map((e) => e.message)
        .join('; ')}`,
      { errors },
    ),
  promotionDone: (id: number) =>
    new DomainException(HttpStatus.CONFLICT, 'KENAIKAN_SUDAH_DIPUTUSKAN', `The promotion of rombel ${id} has already been decided`),
  noNextYear: (nama: string, next: string) =>
    new DomainException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'TAHUN_AJARAN_BERIKUTNYA_TIDAK_ADA',
      `naik and tinggal need the next school year: create ${next} (after ${nama}) and its rombels first`,
      { errors: [{ field: 'keputusan', message: `tahun ajaran ${next} does not exist` }] },
    ),
  proposalOnly: () =>
    new DomainException(
      HttpStatus.BAD_REQUEST,
      'KENAIKAN_OTOMATIS_PROPOSAL_ONLY',
      'kenaikan-otomatis only proposes decisions (dry_run=true); post each rombel’s decisions to POST /api/rombel/{id}/kenaikan',
    ),
};

/** What the rombel tables' named constraints mean (migration 1764231500000). */
export const ROMBEL_CONSTRAINTS: Record<string, ConstraintRule> = {
  uq_rombel_nama_tahun_ajaran: {
    status: HttpStatus.CONFLICT,
    code: 'ROMBEL_DUPLICATE',
    field: 'nama',
    message: 'a rombel with this name already exists in that school year',
  },
  fk_rombel_tahun_ajaran: {
    status: HttpStatus.NOT_FOUND,
    code: 'TAHUN_AJARAN_NOT_FOUND',
    field: 'tahun_ajaran_id',
    message: 'tahun_ajaran_id does not exist',
  },
  fk_rombel_wali_kelas: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    code: 'WALI_KELAS_NOT_GURU',
    field: 'wali_kelas_id',
    message: 'wali_kelas_id does not exist',
  },
  fk_rombel_siswa_rombel: {
    status: HttpStatus.CONFLICT,
    code: 'ROMBEL_HAS_MEMBERS',
    field: 'tahun_ajaran_id',
    message: 'the rombel has members: remove them first',
  },
  uq_rombel_siswa_tahun_ajaran: {
    status: HttpStatus.CONFLICT,
    code: 'SISWA_ALREADY_IN_ROMBEL',
    field: 'siswa_ids',
    message: 'a student is already in another rombel of that year (a concurrent change); reload and try again',
  },
  fk_rombel_siswa_siswa: {
    status: HttpStatus.NOT_FOUND,
    code: 'SISWA_NOT_FOUND',
    field: 'siswa_ids',
    message: 'a student was deleted meanwhile',
  },
};
