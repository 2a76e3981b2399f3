import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

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
