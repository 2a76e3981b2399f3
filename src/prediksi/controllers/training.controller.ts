import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ID_PIPE } from '../../common/http/validation';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY, ALL_ROLES, type AuthUser } from '../../common/role';
import { ModelActivatedResponseDto, ModelDetailDto, ModelSummaryDto, TrainResponseDto } from '../dto/model-response.dto';
import { TrainRequestDto } from '../dto/train-request.dto';
import { toModelDetail, toModelSummary, toTrainResponse } from '../prediksi.mapper';
import { ModelRegistryService } from '../services/model-registry.service';
import { TrainingService } from '../services/training.service';
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
  @ApiEndpoint({ summary: 'Stored model versions, newest first (bare array, like every list)', response: [ModelSummaryDto], roles: ALL_ROLES })
  async list(): Promise<ModelSummaryDto[]> {
    return (await this.registry.list()).map(toModelSummary);
  }

  @Get('models/:version')
  @ApiEndpoint({ summary: 'One model version with its metrics and printed tree', response: ModelDetailDto, roles: ALL_ROLES, errors: [400, 404] })
  async get(@Param('version', ID_PIPE) version: number): Promise<ModelDetailDto> {
    return toModelDetail(await this.registry.get(version));
  }

  @Post('models/:version/activate')
  @HttpCode(200)
  @ApiEndpoint({
    summary: 'Make a version the active model on every instance (also a rollback)',
    response: ModelActivatedResponseDto,
    roles: ADMIN_ONLY,
    errors: [400, 404],
  })
  async activate(@Param('version', ID_PIPE) version: number): Promise<ModelActivatedResponseDto> {
    const model = await this.registry.activate(version);
    return { status: 'success', message: t(msg('MODEL_ACTIVATED', { version })), data: toModelSummary(model) };
  }
}
