import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { Rombel } from '../rombel/rombel.entity';

/** A teacher teaching one subject to one rombel; one teacher per subject and rombel (migration 1764231500000). */
@Entity({ name: 'penugasan' })
@Unique('uq_penugasan_rombel_mapel', ['rombelId', 'mapel'])
@Index('ix_penugasan_guru', ['guruId'])
@Check(
  'ck_penugasan_mapel',
  `"mapel" IN ('matematika', 'bahasa_indonesia', 'bahasa_inggris', 'bahasa_jawa', 'ipa', 'agama', 'pjok', 'pkn', 'sejarah', 'seni', 'dasar_kejuruan')`,
)
export class Penugasan {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'pk_penugasan' })
  id: number;

  @Column({ type: 'integer' })
  @ForeignKey(() => User, { name: 'fk_penugasan_guru', onDelete: 'CASCADE' })
  guruId: number;

  @Column({ type: 'integer' })
  @ForeignKey(() => Rombel, { name: 'fk_penugasan_rombel', onDelete: 'CASCADE' })
  rombelId: number;

  @Column({ type: 'varchar', length: 20 })
  mapel: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
