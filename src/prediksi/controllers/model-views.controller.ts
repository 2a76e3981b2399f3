import { applyDecorators, Controller, Get, Header } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { ALL_ROLES } from '../../common/role';
import { ConfusionMatrixResponseDto, ModelMetricsResponseDto } from '../dto/model-response.dto';
import {
  DataCountResponseDto,
  FeatureStatisticsResponseDto,
  NumericStatisticsDto,
  RulesResponseDto,
  TreeDataResponseDto,
  VisualizationResponseDto,
} from '../dto/views-response.dto';
import { toModelMetrics } from '../prediksi.mapper';
import { FeatureStatisticsService } from '../services/feature-statistics.service';
import { ModelStalenessService } from '../services/model-staleness.service';
import { ModelViewsService } from '../services/model-views.service';
import { RateLimited } from '../../common/rate-limit/rate-limited.decorator';
import { RequestScope } from '../../scope/request-scope.decorator';
import type { TeacherScope } from '../../scope/teacher-scope';

/** A drawing of the active tree: rate-limited like every tree image, sent as `mime` (`contentType` when it adds a charset). */
function TreeImage(path: string, summary: string, mime: string, contentType = mime): MethodDecorator {
  return applyDecorators(
    Get(path),
    RateLimited('tree'),
    Header('Content-Type', contentType),
    ApiEndpoint({ summary, response: 'binary', produces: mime, roles: ALL_ROLES, errors: [404] }),
  );
}

/** Read-only views of the active model and of the training data, for every role. */
@ApiTags('prediksi')
@ApiExtraModels(NumericStatisticsDto)
@Controller('prediksi')
export class ModelViewsController {
  constructor(
    private readonly views: ModelViewsService,
    private readonly statistics: FeatureStatisticsService,
    private readonly staleness: ModelStalenessService,
  ) {}

  @Get('model-metrics')
  @ApiEndpoint({ summary: 'Metrics of the active model (cross-validated)', response: ModelMetricsResponseDto, roles: ALL_ROLES, errors: [404] })
  async metrics(): Promise<ModelMetricsResponseDto> {
    const m = this.views.model();
    const { stale } = await this.staleness.recentStatus(m);
    return {
      stale,
      status: 'success',
      metrics: toModelMetrics(m),
      last_trained: m.trainedAt.toISOString(),
      model_version: m.version,
      features: m.features,
      samples: m.trainingSetSize,
    };
  }

  @Get('confusion-matrix')
  @ApiEndpoint({ summary: 'Cross-validation confusion matrix (rows actual, columns predicted)', response: ConfusionMatrixResponseDto, roles: ALL_ROLES, errors: [404] })
  confusionMatrix(): ConfusionMatrixResponseDto {
    const m = this.views.model();
    return { status: 'success', confusion_matrix: m.confusionMatrix.matrix, labels: m.confusionMatrix.labels, model_version: m.version };
  }

  @Get('rules')
  @ApiEndpoint({ summary: 'The active tree as rules, one per leaf', response: RulesResponseDto, roles: ALL_ROLES, errors: [404] })
  rules(): RulesResponseDto {
    return { status: 'success', model_version: this.views.model().version, rules: this.views.rules() };
  }

  @Get('tree-data')
  @ApiEndpoint({ summary: 'The active tree in the client’s node shape', response: TreeDataResponseDto, roles: ALL_ROLES, errors: [404] })
  treeData(): TreeDataResponseDto {
    const { model, tree, featureNames, classNames } = this.views.treeData();
    return {
      status: 'success',
      tree_data: tree,
      feature_names: featureNames,
      class_names: classNames,
      model_info: { accuracy: model.cvMetrics.accuracy, samples: model.trainingSetSize, model_version: model.version },
    };
  }

  @Get('visualization')
  @RateLimited('tree')
  @ApiEndpoint({ summary: 'The active tree drawn as a base64 PNG', response: VisualizationResponseDto, roles: ALL_ROLES, errors: [404] })
  visualization(): VisualizationResponseDto {
    return { status: 'success', data: { image: this.views.png().toString('base64'), format: 'base64', type: 'png' } };
  }

  @TreeImage('tree.svg', 'The active tree as SVG', 'image/svg+xml', 'image/svg+xml; charset=utf-8')
  svg(): string {
    return this.views.svg();
  }

  @TreeImage('tree.png', 'The active tree as PNG', 'image/png')
  png(): Buffer {
    return this.views.png();
  }

  @Get('feature-statistics')
  @ApiEndpoint({ summary: 'Descriptive statistics of the training data (computed in SQL)', response: FeatureStatisticsResponseDto, roles: ALL_ROLES })
  async featureStatistics(@RequestScope() scope: TeacherScope): Promise<FeatureStatisticsResponseDto> {
    return { status: 'success', data: await this.statistics.statistics(scope) };
  }

  @Get('data-count')
  @ApiEndpoint({ summary: 'How much training data there is, and whether it is enough', response: DataCountResponseDto, roles: ALL_ROLES })
  async dataCount(): Promise<DataCountResponseDto> {
    return { status: 'success', data: await this.statistics.dataCount() };
  }
}
