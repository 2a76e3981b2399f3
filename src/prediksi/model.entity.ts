import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../auth/user.entity';
import type { TreeJson } from './c45';
import type { ConfusionMatrix, CvSummary, EvaluationSummary } from './domain/metrics';
import type { LabelSource } from './domain/feature-catalogue';
import type { CalibrationReport } from './domain/calibration';
import type { ChallengerVerdict } from './domain/challenger-rule';
import type { FairnessReport } from './domain/fairness';
import type { ThresholdSnapshot } from './services/threshold-snapshot';

/** Options a model was trained with (stored as given, after defaults were applied). */
export interface TrainingOptions {
  confidence_factor: number;
  min_instances: number;
  pruned: boolean;
  folds: number;
  /** J48 -A; absent on models trained before the option existed (they used plain estimates). */
  laplace?: boolean;
}

/** What the model was trained on, for the staleness check. */
export interface ModelProvenance {
  /** Labelled rows (= training_set_size). */
  rows: number;
  /** Student-semesters with the data a row needs, labelled or not. */
  total_rows: number;
  hash: string;
  label_source: LabelSource;
  features: string[];
  /** app_setting `thresholds.*` values the stored categories were derived with. */
  thresholds: ThresholdSnapshot;
}

/** The champion/challenger decision about a version trained as a challenger (the verdict's numbers included). */
export interface ChallengerDecision extends ChallengerVerdict {
  champion_version: number;
  trigger: 'request' | 'schedule';
  decided_at: string;
}

/** One trained model version (API.md §6). Exactly one row is active (partial unique index). */
@Entity({ name: 'model' })
@Unique('uq_model_version', ['version'])
@Check('ck_model_version', `"version" >= 1`)
@Check('ck_model_label_source', `"label_source" IN ('prestasi', 'rule')`)
@Check('ck_model_training_set_size', `"training_set_size" >= 0`)
@Index('uq_model_one_active', ['isActive'], { unique: true, where: '"is_active"' })
@Index('ix_model_trained_by', ['trainedBy'])
export class PrediksiModel {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'boolean', default: false })
  isActive: boolean;

  @Column({ type: 'varchar', length: 40 })
  algorithm: string;

  @Column({ type: 'jsonb' })
  options: TrainingOptions;

  @Column({ type: 'jsonb' })
  features: string[];

  @Column({ type: 'varchar', length: 10 })
  labelSource: LabelSource;

  @Column({ type: 'jsonb' })
  tree: TreeJson;

  @Column({ type: 'jsonb' })
  trainingMetrics: EvaluationSummary;

  @Column({ type: 'jsonb' })
  cvMetrics: CvSummary;

  @Column({ type: 'jsonb' })
  confusionMatrix: ConfusionMatrix;

  @Column({ type: 'jsonb' })
  classDistribution: Record<string, number>;

  @Column({ type: 'jsonb' })
  featureImportances: Record<string, number>;

  @Column({ type: 'integer' })
  trainingSetSize: number;

  @Column({ type: 'varchar', length: 64 })
  trainingSetHash: string;

  /** Kept when the user is deleted (the model stays, its trainer becomes unknown). */
  @ForeignKey(() => User, { name: 'fk_model_trained_by', onDelete: 'SET NULL' })
  @Column({ type: 'integer', nullable: true })
  trainedBy: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  trainedAt: Date;

  @Column({ type: 'integer' })
  durationMs: number;

  @Column({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  provenance: ModelProvenance | null;

  /** Row key → digest at training; large, so only the staleness query reads it (in SQL). */
  @Column({ type: 'jsonb', nullable: true, select: false })
  trainingRows?: Record<string, string> | null;

  @Column({ type: 'jsonb', nullable: true })
  fairness: FairnessReport | null;

  @Column({ type: 'jsonb', nullable: true })
  calibration: CalibrationReport | null;

  @Column({ type: 'jsonb', nullable: true })
  challenger: ChallengerDecision | null;
}
