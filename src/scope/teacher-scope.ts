import { HttpStatus } from '@nestjs/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainException } from '../common/http/problem';
import type { AuthUser } from '../common/role';
import { type Message, msg } from '../i18n/catalogue';
import { RECORD_ERRORS } from '../records/records.errors';
import type { GuruScopeMode } from './guru-scope-mode';
import { SCOPE_ERRORS } from './scope.errors';

/**
 * Which students a guru reaches: `kelas` — members of the active year's rombels they teach a subject
 * in or are wali kelas of; `wali` — only members of the rombels they are wali kelas of (family
 * income, personal data under UU PDP 27/2022).
 */
export type GuruReach = 'kelas' | 'wali';

/**
 * What a guru may write in a domain: `mapel` — only the subjects (entity property → penugasan mapel)
 * they teach in the student's rombel; `wali` — only as the student's wali kelas; `none` — nothing
 * (domains the role table already keeps from guru: siswa, penghasilan).
 */
export type GuruWriteRule = { by: 'mapel'; subjects: Readonly<Record<string, string>> } | { by: 'wali' } | { by: 'none' };

/** The class records the wali kelas keeps (presensi, prestasi): every guru of the class reads them, only the wali kelas writes. */
export const KEPT_BY_WALI_KELAS = { read: 'kelas', write: { by: 'wali' } } as const satisfies { read: GuruReach; write: GuruWriteRule };

/** A domain's teacher scope, declared in its RecordSpec: the student id column, what a guru reads and writes. */
export interface GuruScopeSpec {
  /** The column holding the student's id in the domain's query (`r.id` for siswa, `r.siswaId` for the rest). */
  siswaColumn: string;
  read: GuruReach;
  write: GuruWriteRule;
}

/**
 * One write to check: the student it belongs to and the entity properties it sets — `all` for a
 * created or deleted row and for a row moved to another student, semester or year.
 */
export interface ScopedWrite {
  row?: number;
  siswaId: number;
  changed: readonly string[] | 'all';
}

/** How a guru relates to a student in the active year: wali kelas of the student's rombel, and the subjects they teach there. */
interface StudentAccess {
  wali: boolean;
  mapel: ReadonlySet<string>;
}

type Denial = { reason: 'hidden' } | { reason: 'mapel'; mapel: string } | { reason: 'wali' } | { reason: 'none' };

/**
 * The active year's rombels a guru reaches, as a sub-query with the guru's id as `guru` (a named or
 * positional placeholder).
 */
function rombelSubquery(reach: GuruReach, guru: string): string {
  const relation =
    reach === 'wali'
      ? `rb.wali_kelas_id = ${guru}`
      : `(rb.wali_kelas_id = ${guru} OR EXISTS (SELECT 1 FROM penugasan p WHERE p.rombel_id = rb.id AND p.guru_id = ${guru}))`;
  return `SELECT rb.id FROM rombel rb JOIN tahun_ajaran ta ON ta.id = rb.tahun_ajaran_id AND ta.aktif WHERE ${relation}`;
}

/** The members of those rombels: one statement whatever the school's size. */
function siswaSubquery(reach: GuruReach, guru: string): string {
  return `SELECT rs.siswa_id FROM rombel_siswa rs WHERE rs.rombel_id IN (${rombelSubquery(reach, guru)})`;
}

/** The entity properties whose value a write changes; `all` when the row's identity (its natural key) moves. */
export function changedProps(before: ObjectLiteral, after: ObjectLiteral, naturalKey: readonly string[]): string[] | 'all' {
  const differs = (k: string): boolean => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null);
  if (naturalKey.some(differs)) return 'all';
  return Object.keys(after).filter(differs);
}

/**
 * The one place that decides what a guru sees and writes under GURU_SCOPE=class (issue #13).
 * `TeacherScope.SCHOOL` (admin, staf, or GURU_SCOPE=school) restricts nothing; a guru's scope
 * restricts reads to the students they reach (a SQL sub-query the caller's query applies, never a
 * list of ids in memory) and checks writes against their wali kelas role and subjects.
 *
 * A student out of reach is treated as one that does not exist (404, "not found" row errors), so a
 * guru learns nothing about other classes; a student in reach whose write is not theirs is 403 with
 * the reason (SCOPE_MAPEL_NOT_TAUGHT naming the subject, SCOPE_NOT_WALI_KELAS, SCOPE_READ_ONLY).
 * A reached student's rows are all visible, of every semester and year.
 */
export class TeacherScope {
  static readonly SCHOOL = new TeacherScope(null);

  private constructor(readonly guruId: number | null) {}

  /** The request's scope: only a guru under GURU_SCOPE=class is restricted. */
  static of(user: Pick<AuthUser, 'id' | 'role'> | undefined, mode: GuruScopeMode): TeacherScope {
    return mode === 'class' && user?.role === 'guru' ? new TeacherScope(user.id) : TeacherScope.SCHOOL;
  }

  get restricted(): boolean {
    return this.guruId !== null;
  }

  /** Restricts a TypeORM query to the students in reach; `siswaColumn` holds the student id (`s.id`, `r.siswaId`). */
  restrictQuery<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    siswaColumn: string,
    reach: GuruReach = 'kelas',
  ): SelectQueryBuilder<T> {
    if (this.guruId === null) return qb;
    return qb.andWhere(`${siswaColumn} IN (${siswaSubquery(reach, ':scopeGuruId')})`, { scopeGuruId: this.guruId });
  }

  /**
   * The same restriction as a condition of raw SQL with positional parameters: appends the guru's id
   * to `params` and returns `<siswaColumn> IN (…)`, or `TRUE` when nothing is restricted.
   */
  sqlCondition(siswaColumn: string, params: unknown[], reach: GuruReach = 'kelas'): string {
    if (this.guruId === null) return 'TRUE';
    params.push(this.guruId);
    return `${siswaColumn} IN (${siswaSubquery(reach, `$${params.length}`)})`;
  }

  /** Like sqlCondition, for a rombel id column: the active year's rombels the guru teaches in or is wali kelas of. */
  sqlRombelCondition(rombelColumn: string, params: unknown[], reach: GuruReach = 'kelas'): string {
    if (this.guruId === null) return 'TRUE';
    params.push(this.guruId);
    return `${rombelColumn} IN (${rombelSubquery(reach, `$${params.length}`)})`;
  }

  /** Throws on the first write not allowed: 404 for a student out of reach, 403 naming the reason otherwise. */
  async assertMayWrite(m: EntityManager, rule: GuruWriteRule, writes: readonly ScopedWrite[]): Promise<void> {
    const [denied] = await this.denials(m, rule, writes);
    if (!denied) return;
    const { write, denial } = denied;
    if (denial.reason === 'hidden') throw new DomainException(HttpStatus.NOT_FOUND, RECORD_ERRORS.SISWA_NOT_FOUND, { id: write.siswaId });
    if (denial.reason === 'mapel')
      throw new DomainException(
        HttpStatus.FORBIDDEN,
        SCOPE_ERRORS.SCOPE_MAPEL_NOT_TAUGHT,
        { mapel: denial.mapel },
        { mapel: denial.mapel },
      );
    if (denial.reason === 'wali') throw new DomainException(HttpStatus.FORBIDDEN, SCOPE_ERRORS.SCOPE_NOT_WALI_KELAS, { id: write.siswaId });
    throw new DomainException(HttpStatus.FORBIDDEN, SCOPE_ERRORS.SCOPE_READ_ONLY);
  }

  /** For uploads: every write not allowed, as the row error's text (out of reach reads as an unknown student). */
  async rowDenials(
    m: EntityManager,
    rule: GuruWriteRule,
    writes: readonly ScopedWrite[],
  ): Promise<Array<{ row: number; message: Message }>> {
    const denied = await this.denials(m, rule, writes);
    return denied.map(({ write, denial }) => ({ row: write.row ?? 0, message: denialMessage(write, denial) }));
  }

  private async denials(
    m: EntityManager,
    rule: GuruWriteRule,
    writes: readonly ScopedWrite[],
  ): Promise<Array<{ write: ScopedWrite; denial: Denial }>> {
    if (this.guruId === null || writes.length === 0) return [];
    if (rule.by === 'none') return writes.map((write) => ({ write, denial: { reason: 'none' } }));
    const access = await this.accessTo(m, [...new Set(writes.map((w) => w.siswaId))]);
    const out: Array<{ write: ScopedWrite; denial: Denial }> = [];
    for (const write of writes) {
      const denial = judge(access.get(write.siswaId), rule, write.changed);
      if (denial) out.push({ write, denial });
    }
    return out;
  }

  /** Each student's relation to this guru in the active year (one query); students in none of their rombels are absent. */
  private async accessTo(m: EntityManager, siswaIds: number[]): Promise<Map<number, StudentAccess>> {
    const rows = (await m.query(
      `SELECT rs.siswa_id, bool_or(rb.wali_kelas_id = $2) AS wali, array_remove(array_agg(p.mapel), NULL) AS mapel
       FROM rombel_siswa rs
       JOIN tahun_ajaran ta ON ta.id = rs.tahun_ajaran_id AND ta.aktif
       JOIN rombel rb ON rb.id = rs.rombel_id
       LEFT JOIN penugasan p ON p.rombel_id = rb.id AND p.guru_id = $2
       WHERE rs.siswa_id = ANY($1::int[])
       GROUP BY rs.siswa_id`,
      [siswaIds, this.guruId],
    )) as Array<{ siswa_id: number; wali: boolean | null; mapel: string[] }>;
    const access = new Map<number, StudentAccess>();
    for (const r of rows) {
      const mapel = new Set(r.mapel);
      if (r.wali || mapel.size > 0) access.set(Number(r.siswa_id), { wali: r.wali === true, mapel });
    }
    return access;
  }
}

function judge(access: StudentAccess | undefined, rule: GuruWriteRule, changed: readonly string[] | 'all'): Denial | null {
  if (!access) return { reason: 'hidden' };
  if (rule.by === 'wali') return access.wali ? null : { reason: 'wali' };
  if (rule.by === 'none') return { reason: 'none' };
  const props = changed === 'all' ? Object.keys(rule.subjects) : changed.filter((p) => p in rule.subjects);
  const untaught = props.map((p) => rule.subjects[p]).find((mapel) => !access.mapel.has(mapel));
  return untaught === undefined ? null : { reason: 'mapel', mapel: untaught };
}

function denialMessage(write: ScopedWrite, denial: Denial): Message {
  switch (denial.reason) {
    case 'hidden':
      return msg('UPLOAD_SISWA_UNKNOWN', { id: write.siswaId });
    case 'mapel':
      return msg('SCOPE_ROW_MAPEL_NOT_TAUGHT', { mapel: denial.mapel });
    case 'wali':
      return msg('SCOPE_ROW_NOT_WALI_KELAS', { id: write.siswaId });
    default:
      return msg('SCOPE_ROW_READ_ONLY');
  }
}
