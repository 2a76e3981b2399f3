import { applyDecorators, Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, type Type } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { DomainException } from '../../common/http/problem';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { RateLimited } from '../../common/rate-limit/rate-limited.decorator';
import { ADMIN_ONLY, ALL_ROLES, type AuthUser } from '../../common/role';
import {
  CalibrationResponseDto,
  CompareQueryDto,
  CompareResponseDto,
  FairnessResponseDto,
  ModelStatusDto,
  RetrainRequestDto,
  RetrainResponseDto,
} from '../dto/model-quality.dto';
import { MODEL_QUALITY_ERRORS } from '../model-quality.errors';
import type { PrediksiModel } from '../model.entity';
import { ChampionChallengerService } from '../services/champion-challenger.service';
import { ModelCompareService } from '../services/model-compare.service';
import { ModelRegistryService } from '../services/model-registry.service';
import { ModelStalenessService } from '../services/model-staleness.service';
import { ModelViewsService } from '../services/model-views.service';

/** The reports stored with each version (computed from its CV at training), at `models/{version}/{kind}`. */
const STORED_REPORTS = {
  fairness: 'Fairness report of a version (per jenis_kelamin and kategori_penghasilan group, from its CV)',
  calibration: 'Calibration of a version’s probabilities (Brier, ECE over 10 bins), with and without Laplace leaf estimates',
} as const;

const StoredReport = (kind: keyof typeof STORED_REPORTS, response: Type<unknown>): MethodDecorator =>
  applyDecorators(
    Get(`models/:version/${kind}`),
    ApiEndpoint({ summary: STORED_REPORTS[kind], response, roles: ALL_ROLES, errors: [400, 404] }),
  );

/**
 * Whether a school can trust its model: staleness of the active one, champion/challenger retraining,
 * two versions compared, and each version's fairness and calibration reports (from its CV). The static
 * paths (`models/active/status`, `models/compare`) are matched before `models/:version` by the router.
 */
@ApiTags('prediksi')
@Controller('prediksi')
export class ModelQualityController {
  constructor(
    private readonly views: ModelViewsService,
    private readonly registry: ModelRegistryService,
    private readonly staleness: ModelStalenessService,
    private readonly challenger: ChampionChallengerService,
    private readonly comparer: ModelCompareService,
  ) {}

  @Get('models/active/status')
  @ApiEndpoint({
    summary: 'Whether the active model is stale: labelled rows changed ≥ 10 %, thresholds changed, or too old',
    response: ModelStatusDto,
    roles: ALL_ROLES,
    errors: [404],
  })
  status(): Promise<ModelStatusDto> {
    return this.staleness.status(this.views.model());
  }

  @Post('retrain-if-stale')
  @HttpCode(200)
  @RateLimited('train')
  @ApiEndpoint({
    summary: 'Train a challenger when the active model is stale; activate it only if it is not worse (accuracy, Rendah recall)',
    response: RetrainResponseDto,
    roles: ADMIN_ONLY,
    errors: [404, 409, 422],
  })
  retrain(@Body() body: RetrainRequestDto, @Req() request: FastifyRequest, @CurrentUser() user?: AuthUser): Promise<RetrainResponseDto> {
    const origin = { trigger: 'request' as const, requestId: String(request.id ?? '').slice(0, 128) || null, user: user ?? null };
    return this.challenger.retrainIfStale(origin, body?.force ?? false);
  }

  @Get('models/compare')
  @ApiEndpoint({
    summary: 'Two model versions side by side, with the rows on which they disagree',
    response: CompareResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  compare(@Query() query: CompareQueryDto): Promise<CompareResponseDto> {
    return this.comparer.compare(query.a, query.b);
  }

  @StoredReport('fairness', FairnessResponseDto)
  async fairness(@Param('version', ParseIdPipe) version: number): Promise<FairnessResponseDto> {
    const { model, report } = await this.report(version, 'fairness');
    return { model_version: model.version, features: model.features, ...report };
  }

  @StoredReport('calibration', CalibrationResponseDto)
  async calibration(@Param('version', ParseIdPipe) version: number): Promise<CalibrationResponseDto> {
    const { model, report } = await this.report(version, 'calibration');
    return { model_version: model.version, ...report };
  }

  /** A stored report; models trained before reports existed have none: 404 saying so. */
  private async report<K extends 'fairness' | 'calibration'>(
    version: number,
    key: K,
  ): Promise<{ model: PrediksiModel; report: NonNullable<PrediksiModel[K]> }> {
    const model = await this.registry.get(version);
    const report = model[key];
    if (report === null)
      throw new DomainException(HttpStatus.NOT_FOUND, MODEL_QUALITY_ERRORS.MODEL_QUALITY_NOT_RECORDED, { version: model.version });
    return { model, report: report as NonNullable<PrediksiModel[K]> };
  }
}
