import { Check, Column, Entity, Index } from 'typeorm';
import { SemesterRecord, semesterRecordConstraints } from '../records/columns';
import { Siswa } from '../siswa/siswa.entity';

/** The observed achievement of a student in a semester: the training label of the model. */
@Entity({ name: 'prestasi' })
@semesterRecordConstraints('prestasi', () => Siswa)
@Check('ck_prestasi_kategori', `"kategori" IN ('Tinggi', 'Sedang', 'Rendah')`)
@Index('ix_prestasi_kategori', ['kategori'])
export class Prestasi extends SemesterRecord {
  @Column({ type: 'varchar', length: 10 }) kategori: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) catatan: string | null;
}
