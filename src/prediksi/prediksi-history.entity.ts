import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ExplanationStep } from './domain/explanation';

/** The latest prediction per student and semester of data (re-predicting updates the row). */
@Entity({ name: 'prediksi_history' })
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
