import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { queryInt } from '../../common/query/query-values';

const MAX_INT4 = 2_147_483_647;

/** GET /prediksi/models/compare?a=&b= */
export class CompareQueryDto {
  @ApiProperty({ minimum: 1, description: 'First model version' })
  @Transform(queryInt)
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  a: number;

  @ApiProperty({ minimum: 1, description: 'Second model version' })
  @Transform(queryInt)
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  b: number;
}

/** POST /prediksi/retrain-if-stale */
export class RetrainRequestDto {
  @ApiPropertyOptional({ default: false, description: 'Train a challenger even when the active model is not stale' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class ModelStatusDto {
  @ApiProperty() model_version: number;
  @ApiProperty() stale: boolean;
  @ApiProperty({ type: [String], enum: ['labelled_rows_changed', 'thresholds_changed', 'too_old', 'provenance_unknown'] })
  reasons: string[];
  @ApiProperty() trained_at: string;
  @ApiProperty({ description: 'Labelled rows the model was trained on' }) rows_at_training: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Labelled rows now' }) rows_now: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Labelled rows added, removed or changed since training, % of rows_at_training',
  })
  changed_rows_pct: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) thresholds_changed: boolean | null;
  @ApiProperty() age_days: number;
  @ApiProperty({ description: 'MODEL_MAX_AGE_DAYS' }) max_age_days: number;
}

const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

export class RetrainResponseDto {
  @ApiProperty({ description: 'False when the active model was not stale (and force was not set)' }) retrained: boolean;
  @ApiProperty({ type: ModelStatusDto, description: 'The champion before retraining' }) status: ModelStatusDto;
  @ApiProperty({ nullable: true, type: Number }) challenger_version: number | null;
  @ApiProperty({
    ...OPEN_OBJECT,
    nullable: true,
    description: 'activated, reasons, the accuracies and Rendah recalls compared, champion_version, trigger',
  })
  decision: object | null;
}

export class CompareResponseDto {
  @ApiProperty({ ...OPEN_OBJECT, description: 'Version a: metrics, tree size, features, options, calibration, fairness ratios' }) a: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'Version b, the same fields' }) b: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'rows, disagree, disagree_pct, pairs [{a, b, count}] on the stored student-semesters now' })
  disagreement: object;
}

export class FairnessResponseDto {
  @ApiProperty() model_version: number;
  @ApiProperty({ example: 'cross_validation' }) source: string;
  @ApiProperty() folds: number;
  @ApiProperty() rows: number;
  @ApiProperty({ type: [String] }) features: string[];
  @ApiProperty({
    ...OPEN_OBJECT,
    description:
      'Per attribute (jenis_kelamin, kategori_penghasilan): groups [{group, count, accuracy, predicted_rate, at_risk_count, recall_rendah}] and max_ratio',
  })
  attributes: object;
}

export class CalibrationResponseDto {
  @ApiProperty() model_version: number;
  @ApiProperty({ enum: ['plain', 'laplace'], description: 'The leaf estimate this model predicts with' }) used: string;
  @ApiProperty({ enum: ['plain', 'laplace'], description: 'The lower expected calibration error (Brier breaks a tie)' }) better: string;
  @ApiProperty() rows: number;
  @ApiProperty({ ...OPEN_OBJECT, description: 'brier, ece, bins [{lower, upper, count, mean_confidence, accuracy}] without -A' })
  plain: object;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The same with Laplace leaf estimates (-A)' }) laplace: object;
}
