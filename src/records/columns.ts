import {
  Check,
  Column,
  CreateDateColumn,
  ForeignKey,
  Index,
  type ObjectLiteral,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type ValueTransformer,
} from 'typeorm';

/**
 * pg hands bigint back as a string (it may exceed 2^53). Rupiah amounts stay far below that, so they
 * are numbers in the API; the CHECKs and validation keep them in range.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Columns every school-record table has: identity id and timestamptz audit times. */
export abstract class RecordBase {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A row that belongs to one student (nilai, presensi, penghasilan, prestasi). */
export abstract class SiswaOwnedRecord extends RecordBase {
  @Column({ type: 'integer' })
  siswaId: number;
}

/** A row kept per student and semester (nilai, presensi, prestasi). */
export abstract class SemesterRecord extends SiswaOwnedRecord {
  @Column({ type: 'varchar', length: 6 })
  semester: string;

  @Column({ type: 'varchar', length: 9 })
  tahunAjaran: string;
}

// The constraint declarations below repeat, with the same names and expressions, what migration
// 1764230700000 builds; test/schema-parity.e2e-spec.ts fails when the two drift apart.

/** `semester` is Ganjil or Genap (every per-semester table, prediction history included). */
export function semesterCheck(table: string): ClassDecorator {
  return Check(`ck_${table}_semester`, `"semester" IN ('Ganjil', 'Genap')`);
}

/** A school year is `2023/2024`; the CASE keeps the casts from running on a malformed value. */
export function tahunAjaranCheck(table: string): ClassDecorator {
  return Check(
    `ck_${table}_tahun_ajaran`,
    `CASE WHEN "tahun_ajaran" ~ '^[0-9]{4}/[0-9]{4}$' THEN substr("tahun_ajaran", 6, 4)::int = substr("tahun_ajaran", 1, 4)::int + 1 ELSE false END`,
  );
}

/**
 * The student a row belongs to: `fk_<table>_siswa`, ON DELETE CASCADE. The student entity is passed in
 * because this folder knows no domain. Deleting a student archives everything a cascading foreign
 * key ties to it (src/trash), so this declaration is also what "belongs to a student" means.
 */
export function belongsToSiswa(table: string, siswa: () => new () => ObjectLiteral): ClassDecorator {
  return (target) => {
    OWNERS.set(target, { table, siswa });
    ForeignKey(siswa, ['siswaId'], ['id'], { name: `fk_${table}_siswa`, onDelete: 'CASCADE' })(target);
  };
}

/** A student-owned entity's table and student entity, as its `belongsToSiswa` declares them. */
export interface Ownership {
  table: string;
  siswa: () => new () => ObjectLiteral;
}
const OWNERS = new WeakMap<object, Ownership>();

/** What `belongsToSiswa` declared on `entity` (the one place a record's table and owner are named). */
export function ownershipOf(entity: object): Ownership {
  const owned = OWNERS.get(entity);
  if (!owned) throw new Error(`${(entity as { name?: string }).name ?? 'entity'} does not declare belongsToSiswa`);
  return owned;
}

/** What every per-semester record table has: its student, one row per semester, valid semester and year, a semester index. */
export function semesterRecordConstraints(table: string, siswa: () => new () => ObjectLiteral): ClassDecorator {
  return (target) => {
    belongsToSiswa(table, siswa)(target);
    Unique(`uq_${table}_siswa_semester`, ['siswaId', 'semester', 'tahunAjaran'])(target);
    semesterCheck(table)(target);
    tahunAjaranCheck(table)(target);
    Index(`ix_${table}_semester`, ['tahunAjaran', 'semester'])(target);
  };
}
