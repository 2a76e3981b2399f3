import { Column, Entity } from 'typeorm';
import { SemesterRecord } from '../records/columns';

/** The observed achievement of a student in a semester: the training label of the model. */
@Entity({ name: 'prestasi' })
export class Prestasi extends SemesterRecord {
  @Column({ type: 'varchar', length: 10 }) kategori: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) catatan: string | null;
}
