import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { belongsToSiswa, semesterCheck } from '../records/columns';
import { Siswa } from '../siswa/siswa.entity';
import type { ExplanationStep } from './domain/explanation';

/** The latest prediction per student and semester of data (re-predicting updates the row). */
@Entity({ name: 'prediksi_history' })
@belongsToSiswa('prediksi_history', () => Siswa)
@Unique('uq_prediksi_history_siswa_semester', ['siswaId', 'semester', 'tahunAjaran'])
@semesterCheck('prediksi_history')
@Check('ck_prediksi_history_prediksi', `"prediksi_prestasi" IN ('Tinggi', 'Sedang', 'Rendah')`)
@Check('ck_prediksi_history_confidence', `"confidence" BETWEEN 0 AND 1`)
// Newest first: the migration builds it (updated_at DESC, id DESC); a btree serves either direction.
@Index('ix_prediksi_history_recent', ['updatedAt', 'id'])
@Index('ix_prediksi_history_semester', ['tahunAjaran', 'semester'])
@Index('ix_prediksi_history_prediksi', ['prediksiPrestasi'])
export class PrediksiHistory {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  siswaId: number;

  /** The semester whose records the prediction was made from. */
  @Column({ type: 'varchar', length: 6 })
  semester: string;

  @Column({ type: 'varchar', length: 9 })
  tahunAjaran: string;

  @Column({ type: 'varchar', length: 10 })
  prediksiPrestasi: string;

  @Column({ type: 'double precision' })
  confidence: number;

  @Column({ type: 'jsonb' })
  probabilities: Record<string, number>;

  @Column({ type: 'integer' })
  modelVersion: number;

  @Column({ type: 'jsonb' })
  explanation: ExplanationStep[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
