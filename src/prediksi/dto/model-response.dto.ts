import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ClassReportEntryDto {
  @ApiProperty() precision: number;
  @ApiProperty() recall: number;
  @ApiProperty() f1_score: number;
  @ApiProperty({ description: 'Rows whose actual class is this one' }) support: number;
}

const CLASS_REPORT = {
  type: 'object',
  description: 'Per class name: precision, recall, f1_score, support',
  additionalProperties: {
    type: 'object',
    properties: { precision: { type: 'number' }, recall: { type: 'number' }, f1_score: { type: 'number' }, support: { type: 'number' } },
  },
} as const;

export class CvMetricsDto {
  @ApiProperty({ description: 'Folds actually used' }) folds: number;
  @ApiProperty() folds_requested: number;
  @ApiProperty({ nullable: true, type: String, description: 'Why fewer folds were used, when they were' }) folds_note: string | null;
  @ApiProperty() seed: number;
  @ApiProperty() accuracy: number;
  @ApiProperty({ description: 'Standard deviation of the per-fold accuracies' }) std: number;
  @ApiProperty({ type: [Number] }) fold_accuracies: number[];
  @ApiProperty() precision: number;
  @ApiProperty() recall: number;
  @ApiProperty() f1_score: number;
  @ApiProperty(CLASS_REPORT) class_report: Record<string, ClassReportEntryDto>;
  @ApiProperty() majority_class: string;
  @ApiProperty({ description: 'Accuracy of always answering the most common class' }) majority_class_rate: number;
}

/** Metrics of a model: cross-validated (the headline numbers) plus accuracy on its own training rows. */
export class ModelMetricsDto {
  @ApiProperty({ description: 'Cross-validated accuracy' }) accuracy: number;
  @ApiProperty({ description: 'Weighted precision (CV)' }) precision: number;
  @ApiProperty({ description: 'Weighted recall (CV)' }) recall: number;
  @ApiProperty({ description: 'Weighted F1 (CV)' }) f1_score: number;
  @ApiProperty(CLASS_REPORT) class_report: Record<string, ClassReportEntryDto>;
  @ApiProperty({ type: CvMetricsDto }) cv: CvMetricsDto;
  @ApiProperty() training_accuracy: number;
  @ApiProperty() majority_class_rate: number;
  @ApiProperty() num_leaves: number;
  @ApiProperty() tree_size: number;
}

export class TrainDataDto {
  @ApiProperty() model_version: number;
  @ApiProperty({ description: 'Cross-validated accuracy' }) accuracy: number;
  @ApiProperty({ description: 'Labelled rows trained on' }) samples: number;
  @ApiProperty({ enum: ['prestasi', 'rule'] }) label_source: string;
  @ApiProperty({ type: [String] }) features: string[];
  @ApiProperty() duration_ms: number;
  @ApiProperty({ type: ModelMetricsDto }) metrics: ModelMetricsDto;
}

/** POST /prediksi/train [client]: the client reads data.accuracy and data.samples. */
export class TrainResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: TrainDataDto }) data: TrainDataDto;
}

export class ConfusionMatrixBodyDto {
  @ApiProperty({ type: [String], example: ['Rendah', 'Sedang', 'Tinggi'] }) labels: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'Rows actual, columns predicted' })
  matrix: number[][];
}

/** One stored version (GET /prediksi/models). */
export class ModelSummaryDto {
  @ApiProperty() version: number;
  @ApiProperty() is_active: boolean;
  @ApiProperty() algorithm: string;
  @ApiProperty({ type: [String] }) features: string[];
  @ApiProperty({ enum: ['prestasi', 'rule'] }) label_source: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { confidence_factor: 0.25, min_instances: 2, pruned: true, folds: 10 } })
  options: Record<string, unknown>;
  @ApiProperty({ description: 'Cross-validated accuracy' }) accuracy: number;
  @ApiProperty() training_accuracy: number;
  @ApiProperty() cv_folds: number;
  @ApiProperty() training_set_size: number;
  @ApiProperty({ description: 'sha256 of the training rows' }) training_set_hash: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) class_distribution: Record<string, number>;
  @ApiProperty({ nullable: true, type: Number }) trained_by: number | null;
  @ApiProperty() trained_at: string;
  @ApiProperty() duration_ms: number;
  @ApiProperty({ nullable: true, type: String }) activated_at: string | null;
}

/** GET /prediksi/models/{version}: the summary plus every stored metric and the printed tree. */
export class ModelDetailDto extends ModelSummaryDto {
  @ApiProperty({ type: ModelMetricsDto }) metrics: ModelMetricsDto;
  @ApiProperty({ type: ConfusionMatrixBodyDto }) confusion_matrix: ConfusionMatrixBodyDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) feature_importances: Record<string, number>;
  @ApiProperty({ description: "The tree as Weka's J48 prints it" }) tree_text: string;
}

export class ModelActivatedResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty() message: string;
  @ApiProperty({ type: ModelSummaryDto }) data: ModelSummaryDto;
}

/** GET /prediksi/model-metrics [client]. */
export class ModelMetricsResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty({ type: ModelMetricsDto }) metrics: ModelMetricsDto;
  @ApiProperty({ description: 'When the active model was trained' }) last_trained: string;
  @ApiProperty({ description: 'The active model is stale (at most a minute old; GET /prediksi/models/active/status compares afresh and says why)' }) stale: boolean;
  @ApiProperty() model_version: number;
  @ApiPropertyOptional({ type: [String] }) features?: string[];
  @ApiPropertyOptional() samples?: number;
}

/** GET /prediksi/confusion-matrix [client]. */
export class ConfusionMatrixResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number' } }, description: 'Rows actual, columns predicted (cross-validation)' })
  confusion_matrix: number[][];
  @ApiProperty({ type: [String], example: ['Rendah', 'Sedang', 'Tinggi'] }) labels: string[];
  @ApiProperty() model_version: number;
}
