import { ApiProperty } from '@nestjs/swagger';

export class RuleDto {
  @ApiProperty({ type: [String], example: ['Nilai rata-rata > 81.5', 'Kategori kehadiran = Tinggi'] }) conditions: string[];
  @ApiProperty({ example: 'Tinggi' }) class: string;
  @ApiProperty({ description: 'Training rows reaching the leaf' }) samples: number;
  @ApiProperty({ description: 'Share of them in the class' }) probability: number;
}

export class RulesResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty() model_version: number;
  @ApiProperty({ type: [RuleDto] }) rules: RuleDto[];
}

const TREE_NODE_SCHEMA = {
  type: 'object',
  description:
    'internal: {type: "internal", name, attribute, threshold?, condition, samples, children: [{..., edge_label}]}; ' +
    'leaf: {type: "leaf", name, prediction, confidence, samples, class_distribution}',
  properties: {
    type: { type: 'string', enum: ['internal', 'leaf'] },
    name: { type: 'string' },
    attribute: { type: 'string' },
    threshold: { type: 'number' },
    condition: { type: 'string' },
    samples: { type: 'number' },
    prediction: { type: 'string' },
    confidence: { type: 'number' },
    class_distribution: { type: 'object', additionalProperties: { type: 'number' } },
    edge_label: { type: 'string' },
    children: { type: 'array', items: { type: 'object' } },
  },
} as const;

export class TreeModelInfoDto {
  @ApiProperty({ description: 'Cross-validated accuracy' }) accuracy: number;
  @ApiProperty() samples: number;
  @ApiProperty() model_version: number;
}

/** GET /prediksi/tree-data [client]. */
export class TreeDataResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty(TREE_NODE_SCHEMA) tree_data: object;
  @ApiProperty({ type: [String] }) feature_names: string[];
  @ApiProperty({ type: [String] }) class_names: string[];
  @ApiProperty({ type: TreeModelInfoDto }) model_info: TreeModelInfoDto;
}

export class VisualizationDataDto {
  @ApiProperty({ description: 'Base64 PNG (without the data: prefix)' }) image: string;
  @ApiProperty({ example: 'base64' }) format: string;
  @ApiProperty({ example: 'png' }) type: string;
}

/** GET /prediksi/visualization [client]. */
export class VisualizationResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty({ type: VisualizationDataDto }) data: VisualizationDataDto;
}

export class NumericStatisticsDto {
  @ApiProperty() label: string;
  @ApiProperty() count: number;
  @ApiProperty({ nullable: true, type: Number }) min: number | null;
  @ApiProperty({ nullable: true, type: Number }) max: number | null;
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
  @ApiProperty({ nullable: true, type: Number }) median: number | null;
  @ApiProperty({ nullable: true, type: Number }) std_dev: number | null;
  @ApiProperty({ nullable: true, type: Number }) q1: number | null;
  @ApiProperty({ nullable: true, type: Number }) q3: number | null;
}

export class CategoricalDistributionDto {
  @ApiProperty() label: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) data: Record<string, number>;
  @ApiProperty() total: number;
}

export class CorrelationMatrixDto {
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'number', nullable: true } } }) matrix: Array<Array<number | null>>;
  @ApiProperty({ type: [String] }) features: string[];
  @ApiProperty() description: string;
}

export class CategoricalDistributionsDto {
  @ApiProperty({ type: CategoricalDistributionDto }) kategori_penghasilan: CategoricalDistributionDto;
  @ApiProperty({ type: CategoricalDistributionDto }) kategori_kehadiran: CategoricalDistributionDto;
  @ApiProperty({ type: CategoricalDistributionDto }) prediksi_prestasi: CategoricalDistributionDto;
}

export class StatisticsSummaryDto {
  @ApiProperty() total_records: number;
  @ApiProperty() labeled_records: number;
  @ApiProperty() features_analyzed: number;
  @ApiProperty() categories_analyzed: number;
}

export class FeatureStatisticsDataDto {
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/NumericStatisticsDto' } })
  numerical_statistics: Record<string, NumericStatisticsDto>;
  @ApiProperty({ type: CorrelationMatrixDto }) correlation_matrix: CorrelationMatrixDto;
  @ApiProperty({ type: CategoricalDistributionsDto }) categorical_distributions: CategoricalDistributionsDto;
  @ApiProperty({ type: StatisticsSummaryDto }) summary: StatisticsSummaryDto;
}

/** GET /prediksi/feature-statistics [client]. */
export class FeatureStatisticsResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty({ type: FeatureStatisticsDataDto }) data: FeatureStatisticsDataDto;
}

export class DataCountDto {
  @ApiProperty({ description: 'Student-semesters with nilai, presensi and penghasilan' }) total_data: number;
  @ApiProperty({ description: '…of which have an observed achievement (prestasi)' }) labeled_data: number;
  @ApiProperty() unlabeled_data: number;
  @ApiProperty() min_required: number;
  @ApiProperty() is_sufficient: boolean;
}

export class DataCountResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty({ type: DataCountDto }) data: DataCountDto;
}
