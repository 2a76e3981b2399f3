import type { Type } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import type { FieldError } from '../common/http/problem';
import type { ErrorCode } from '../i18n/catalogue';
import type { ListQueryDto } from '../common/query/list-query.dto';
import type { ListSpec } from '../common/query/list-page';
import type { SpreadsheetSpec } from '../common/spreadsheet/sheet-columns';
import type { ConstraintRule } from './constraint-errors';
import type { RecordBase } from './columns';
import type { GuruScopeSpec } from '../scope/teacher-scope';

/** The student's name and class, joined onto every row that belongs to a student. */
export interface SiswaJoin {
  nama_siswa: string;
  kelas: string;
}

export type Prepared<E> = { values: QueryDeepPartialEntity<E> } | { errors: FieldError[] };

/**
 * Everything that differs between the five record domains; the RecordsEngine does the rest (list,
 * get, create, update, delete, export, upload) the same way for all of them.
 */
export interface RecordSpec<E extends RecordBase, C extends object, R> {
  entity: Type<E>;
  /** Event-log entity type and the noun in messages: `siswa`, `nilai`, … */
  entityType: string;
  notFoundCode: ErrorCode;
  /** Named constraints (migration 1764230700000) and what their violation means. */
  constraints: Readonly<Record<string, ConstraintRule>>;
  /** Rows of a student are listed with the student's name and class (one joined query). */
  owner?: { entity: Type<ObjectLiteral> };
  list: ListSpec;
  applyFilters(qb: SelectQueryBuilder<E>, query: ListQueryDto): void;
  /** The full request body class: updates and upload rows are re-validated against it. */
  createDto: Type<C>;
  /** The request a stored row corresponds to, so a partial update is merged and validated whole. */
  toInput(entity: E): C;
  /** Validated input → column values, derived fields included; cross-field rules report here. */
  prepare(input: C): Prepared<E>;
  /** The natural key, as entity properties (the unique constraint's columns). */
  naturalKey: ReadonlyArray<keyof E & string>;
  /** The request field an upload row's duplicate key is reported on. */
  naturalKeyField: string;
  toResponse(entity: E, join?: SiswaJoin): R;
  /** GURU_SCOPE=class: whose rows a guru reads and what they may write (applied by the engine through TeacherScope). */
  guruScope: GuruScopeSpec;
  spreadsheet: SpreadsheetSpec<R>;
}
