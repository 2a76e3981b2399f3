import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { FEATURE_NAMES, type FeatureName, LABEL_SOURCES, type LabelSource } from '../domain/feature-catalogue';

/** POST /prediksi/train: every field optional (the client sends no body). */
export class TrainRequestDto {
  @ApiPropertyOptional({ enum: LABEL_SOURCES, default: 'prestasi', description: 'Observed achievements, or the design rule' })
  @IsOptional()
  @IsIn(LABEL_SOURCES)
  label_source?: LabelSource;

  @ApiPropertyOptional({ default: 0.25, minimum: 0.001, maximum: 0.5, description: 'J48 pruning confidence (-C)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(0.5)
  confidence_factor?: number;

  @ApiPropertyOptional({ default: 2, minimum: 1, maximum: 1000, description: 'Minimum instances per leaf (-M)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  min_instances?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  pruned?: boolean;

  @ApiPropertyOptional({ enum: FEATURE_NAMES, isArray: true, default: ['rata_rata', 'kategori_penghasilan', 'kategori_kehadiran'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(FEATURE_NAMES.length)
  @IsIn(FEATURE_NAMES, { each: true })
  features?: FeatureName[];

  @ApiPropertyOptional({
    enum: FEATURE_NAMES,
    isArray: true,
    description: 'Features to leave out of `features` (e.g. ["kategori_penghasilan"]: a model without a sensitive attribute, to compare)',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(FEATURE_NAMES.length)
  @IsIn(FEATURE_NAMES, { each: true })
  exclude_features?: FeatureName[];

  @ApiPropertyOptional({ default: false, description: 'J48 -A: Laplace-smoothed leaf probabilities (same tree; see the calibration report)' })
  @IsOptional()
  @IsBoolean()
  laplace?: boolean;

  @ApiPropertyOptional({ default: 10, minimum: 2, maximum: 20, description: 'Cross-validation folds (fewer when a class is smaller)' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(20)
  folds?: number;
}
