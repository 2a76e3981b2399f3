import { HttpStatus, type Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SortMap } from '../common/query/sort';
import { ownershipOf, SemesterRecord, type SiswaOwnedRecord } from './columns';
import type { ErrorCode } from '../i18n/catalogue';
import type { ConstraintRule } from './constraint-errors';
import { SemesterField, SiswaIdField, TahunAjaranField, tahunAjaranExistsRule } from './record-fields';
import type { RecordSpec, SiswaJoin } from './record-spec';
import type { GuruReach, GuruWriteRule } from '../scope/teacher-scope';
import { OWNED_RECORD_CODES, RECORD_ERRORS } from './records.errors';
import type { SemesterListQueryDto, SiswaRecordListQueryDto } from './semester-list-query.dto';

/**
 * What the four domains whose rows belong to a student (nilai, presensi, penghasilan, prestasi) share:
 * request and response fields, sort fields, filters, search and the meaning of their constraints.
 */

export const OWNED_SORT: SortMap = {
  id: 'r.id',
  siswa_id: 'r.siswaId',
  nama_siswa: 's.nama',
  kelas: 's.kelas',
  created_at: 'r.createdAt',
  updated_at: 'r.updatedAt',
};

export const SEMESTER_SORT: SortMap = {
  ...OWNED_SORT,
  semester: 'r.semester',
  tahun_ajaran: 'r.tahunAjaran',
};

/** `search` on a student's rows matches the student's name, NIS or class. */
export const OWNED_SEARCH = ['s.nama', 's.nis', 's.kelas'] as const;

export function applyOwnedFilters<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, q: SiswaRecordListQueryDto): void {
  if (q.siswa_id !== undefined) qb.andWhere('r.siswaId = :siswaId', { siswaId: q.siswa_id });
  if (q.kelas) qb.andWhere('s.kelas = :kelas', { kelas: q.kelas });
}

export function applySemesterFilters<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, q: SemesterListQueryDto): void {
  applyOwnedFilters(qb, q);
  if (q.semester) qb.andWhere('r.semester = :semester', { semester: q.semester });
  if (q.tahun_ajaran)
    qb.andWhere('r.tahunAjaran = :tahunAjaran', {
      tahunAjaran: q.tahun_ajaran,
    });
}

/** The foreign key to siswa means "no such student" (404); the unique key means a duplicate (409). */
export function ownedConstraints(table: string, uniqueName: string, duplicateCode: ErrorCode): Record<string, ConstraintRule> {
  return {
    [`fk_${table}_siswa`]: {
      status: HttpStatus.NOT_FOUND,
      code: RECORD_ERRORS.SISWA_NOT_FOUND,
      field: 'siswa_id',
    },
    [uniqueName]: {
      status: HttpStatus.CONFLICT,
      code: duplicateCode,
      field: 'siswa_id',
    },
  };
}

/** Request fields of every per-semester row. */
export class SemesterRecordInputDto {
  @SiswaIdField()
  siswa_id: number;

  @SemesterField()
  semester: string;

  @TahunAjaranField()
  tahun_ajaran: string;
}

/** Response fields of every row that belongs to a student. */
export class OwnedRecordResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() siswa_id: number;
  @ApiProperty({ example: 'Siti Aminah' }) nama_siswa: string;
  @ApiProperty({ example: 'XII IPA 3' }) kelas: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class SemesterRecordResponseDto extends OwnedRecordResponseDto {
  @ApiProperty({ enum: ['Ganjil', 'Genap'] }) semester: string;
  @ApiProperty({ example: '2023/2024' }) tahun_ajaran: string;
}

export function ownedResponse(e: SiswaOwnedRecord, join: SiswaJoin | undefined): OwnedRecordResponseDto {
  return {
    id: e.id,
    siswa_id: e.siswaId,
    nama_siswa: join?.nama_siswa ?? '',
    kelas: join?.kelas ?? '',
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}

export function semesterResponse(e: SemesterRecord, join: SiswaJoin | undefined): SemesterRecordResponseDto {
  // Assigned rather than spread: exports build a million of these.
  const response = ownedResponse(e, join) as SemesterRecordResponseDto;
  response.semester = e.semester;
  response.tahun_ajaran = e.tahunAjaran;
  return response;
}

export function semesterInput(e: SemesterRecord): SemesterRecordInputDto {
  return {
    siswa_id: e.siswaId,
    semester: e.semester,
    tahun_ajaran: e.tahunAjaran,
  };
}

export function semesterValues(input: SemesterRecordInputDto): {
  siswaId: number;
  semester: string;
  tahunAjaran: string;
} {
  return {
    siswaId: input.siswa_id,
    semester: input.semester,
    tahunAjaran: input.tahun_ajaran,
  };
}

export const SEMESTER_NATURAL_KEY = ['siswaId', 'semester', 'tahunAjaran'] as const;

/** How a student-owned domain's list is sorted and filtered beyond the shared filters. */
export interface OwnedListOptions {
  sortable: SortMap;
  /** A filter on a category column: the query parameter and the entity property it matches exactly. */
  category?: { query: string; property: string };
}

export interface OwnedRecordOptions {
  /** Event-log entity type; also names the domain's not-found and duplicate codes. */
  entityType: keyof typeof OWNED_RECORD_CODES;
  list: OwnedListOptions;
  /** GURU_SCOPE=class: which of a guru's students' rows they read and what they may write. */
  guruScope: { read: GuruReach; write: GuruWriteRule };
}

/**
 * The RecordSpec fields every student-owned domain fills the same way, from its entity (its table and
 * student entity as its `belongsToSiswa` declares them), request body class and noun. An entity
 * extending SemesterRecord has one row per (siswa, semester, tahun_ajaran), any other one per student.
 */
export function ownedRecordBase<E extends SiswaOwnedRecord, C extends object>(
  entity: Type<E>,
  createDto: Type<C>,
  o: OwnedRecordOptions,
): Pick<
  RecordSpec<E, C, unknown>,
  | 'entity'
  | 'createDto'
  | 'entityType'
  | 'notFoundCode'
  | 'constraints'
  | 'owner'
  | 'list'
  | 'applyFilters'
  | 'naturalKey'
  | 'naturalKeyField'
  | 'guruScope'
> {
  const perSemester = entity.prototype instanceof SemesterRecord;
  const { table, siswa } = ownershipOf(entity);
  const unique = perSemester ? `uq_${table}_siswa_semester` : `uq_${table}_siswa`;
  const [notFoundCode, duplicateCode] = OWNED_RECORD_CODES[o.entityType];
  const category = o.list.category;
  return {
    entity,
    createDto,
    entityType: o.entityType,
    notFoundCode,
    constraints: {
      ...ownedConstraints(table, unique, duplicateCode),
      ...(perSemester ? tahunAjaranExistsRule(table) : {}),
    },
    // The student entity is resolved when first read: its module may still be loading when this runs.
    owner: {
      get entity() {
        return siswa();
      },
    },
    // OWNED_SEARCH names the student joined as `s` (RecordsEngine.baseQuery); a list resolves the matching students first.
    list: {
      sortable: o.list.sortable,
      searchable: OWNED_SEARCH,
      idExpression: 'r.id',
      owner: {
        get entity() {
          return siswa();
        },
        alias: 's',
        foreignKey: 'r.siswaId',
      },
    },
    applyFilters(qb, query) {
      const q = query as SemesterListQueryDto & Record<string, unknown>;
      if (perSemester) applySemesterFilters(qb, q);
      else applyOwnedFilters(qb, q);
      const value = category && q[category.query];
      if (category && value) qb.andWhere(`r.${category.property} = :kategori`, { kategori: value });
    },
    naturalKey: (perSemester ? SEMESTER_NATURAL_KEY : ['siswaId']) as ReadonlyArray<keyof E & string>,
    naturalKeyField: 'siswa_id',
    guruScope: { siswaColumn: 'r.siswaId', ...o.guruScope },
  };
}
