import { Check, Column, Entity, Index } from 'typeorm';
import { SemesterRecord, semesterRecordConstraints } from '../records/columns';
import { Siswa } from '../siswa/siswa.entity';

@Entity({ name: 'presensi' })
@semesterRecordConstraints('presensi', () => Siswa)
@Check('ck_presensi_counts', `"jumlah_hadir" >= 0 AND "jumlah_sakit" >= 0 AND "jumlah_izin" >= 0 AND "jumlah_alpa" >= 0`)
@Check('ck_presensi_total', `"jumlah_hadir" + "jumlah_sakit" + "jumlah_izin" + "jumlah_alpa" > 0`)
@Check('ck_presensi_persentase', `"persentase_kehadiran" BETWEEN 0 AND 100`)
@Check('ck_presensi_kategori', `"kategori_kehadiran" IN ('Tinggi', 'Sedang', 'Rendah')`)
@Index('ix_presensi_kategori', ['kategoriKehadiran'])
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
