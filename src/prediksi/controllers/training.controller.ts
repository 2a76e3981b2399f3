import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { PageQueryDto } from '../../common/query/page-query.dto';
import { sendPage } from '../../common/query/total-count';
import { ADMIN_ONLY, ALL_ROLES, type AuthUser } from '../../common/role';
import { ModelActivatedResponseDto, ModelDetailDto, ModelSummaryDto, TrainResponseDto } from '../dto/model-response.dto';
import { TrainRequestDto } from '../dto/train-request.dto';
import { toModelDetail, toModelSummary, toTrainResponse } from '../prediksi.mapper';
import { ModelRegistryService } from '../services/model-registry.service';
import { TrainingService } from '../services/training.service';
import { RateLimited } from '../../common/rate-limit/rate-limited.decorator';
import { msg } from '../../i18n/catalogue';
import { t } from '../../i18n/language';

/** Training and the model registry (API.md §5–§6): training and activation are admin-only. */
@ApiTags('prediksi')
@Controller('prediksi')
export class TrainingController {
  constructor(
    private readonly training: TrainingService,
    private readonly registry: ModelRegistryService,
  ) {}

  @Post('train')
  @RateLimited('train')
  @ApiEndpoint({
    summary: 'Train a new model version from the school’s records, cross-validate it and activate it',
    response: TrainResponseDto,
    status: 201,
    roles: ADMIN_ONLY,
    errors: [409, 422],
  })
  async train(@Body() body: TrainRequestDto, @CurrentUser() user?: AuthUser): Promise<TrainResponseDto> {
    const { model } = await this.training.train(body ?? {}, user?.id ?? null);
    return toTrainResponse(model);
  }

  @Get('models')
  @ApiEndpoint({ summary: 'Stored model versions, newest first (bare array, total in X-Total-Count, like every list)', response: [ModelSummaryDto], roles: ALL_ROLES, errors: [400] })
  async list(@Query() page: PageQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ModelSummaryDto[]> {
    return sendPage(reply, await this.registry.list(page)).map(toModelSummary);
  }

  @Get('models/:version')
  @ApiEndpoint({ summary: 'One model version with its metrics and printed tree', response: ModelDetailDto, roles: ALL_ROLES, errors: [400, 404] })
  async get(@Param('version', ParseIdPipe) version: number): Promise<ModelDetailDto> {
    return toModelDetail(await this.registry.get(version));
  }

  @Post('models/:version/activate')
  @ApiEndpoint({
    summary: 'Make a version the active model on every instance (also a rollback)',
    response: ModelActivatedResponseDto,
    roles: ADMIN_ONLY,
    errors: [400, 404],
  })
  async activate(@Param('version', ParseIdPipe) version: number): Promise<ModelActivatedResponseDto> {
    const model = await this.registry.activate(version);
    return { status: 'success', message: t(msg('MODEL_ACTIVATED', { version })), data: toModelSummary(model) };
  }
}
