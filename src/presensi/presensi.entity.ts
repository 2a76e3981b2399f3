import { Column, Entity } from 'typeorm';
import { SemesterRecord } from '../records/columns';

@Entity({ name: 'presensi' })
export class Presensi extends SemesterRecord {
  @Column({ type: 'integer' }) jumlahHadir: number;
  @Column({ type: 'integer' }) jumlahSakit: number;
  @Column({ type: 'integer' }) jumlahIzin: number;
  @Column({ type: 'integer' }) jumlahAlpa: number;

  /** Derived: hadir / total × 100. */
  @Column({ type: 'double precision' }) persentaseKehadiran: number;

  /** Derived from the configured thresholds; recomputed at start-up when they change. */
  @Column({ type: 'varchar', length: 10 }) kategoriKehadiran: string;
}
