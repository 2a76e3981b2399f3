import { Body, Controller, Post, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { jsonStream } from '../../common/http/json-stream';
import { ApiEndpoint } from '../../common/openapi/api-endpoint.decorator';
import { ALL_ROLES } from '../../common/role';
import { BatchPredictRequestDto, PredictRequestDto, WhatIfRequestDto } from '../dto/prediksi-request.dto';
import { BatchPredictionResponseDto, PredictionResponseDto } from '../dto/prediction-response.dto';
import { toBatchResponse, toPredictionResponse } from '../prediksi.mapper';
import { PredictionService } from '../services/prediction.service';
import { RateLimited } from '../../common/rate-limit/rate-limited.decorator';
import { RequestScope } from '../../scope/request-scope.decorator';
import type { TeacherScope } from '../../scope/teacher-scope';

/** Predictions (API.md §5): single, what-if and batch, for every role. */
@ApiTags('prediksi')
@Controller('prediksi')
export class PredictionController {
  constructor(private readonly predictions: PredictionService) {}

  @Post()
  @ApiEndpoint({
    summary: 'Predict a student’s next-semester achievement from one semester’s records (stored in the history)',
    response: PredictionResponseDto,
    roles: ALL_ROLES,
    errors: [404, 409, 422],
  })
  async predict(@Body() body: PredictRequestDto, @RequestScope() scope: TeacherScope): Promise<PredictionResponseDto> {
    return toPredictionResponse(await this.predictions.predictStudent(body.siswa_id, body.semester, body.tahun_ajaran, scope));
  }

  @Post('what-if')
  @ApiEndpoint({ summary: 'Predict from raw features (not stored)', response: PredictionResponseDto, roles: ALL_ROLES, errors: [409, 422] })
  async whatIf(@Body() body: WhatIfRequestDto): Promise<PredictionResponseDto> {
    const { semester, tahun_ajaran, ...features } = body;
    const period = semester && tahun_ajaran ? { semester, tahun_ajaran } : undefined;
    return toPredictionResponse(await this.predictions.predictWhatIf(features, period));
  }

  @Post('batch')
  @RateLimited('batch')
  @ApiEndpoint({
    summary: 'Predict every student (or one kelas) from one semester’s records (stored in the history)',
    response: BatchPredictionResponseDto,
    roles: ALL_ROLES,
    errors: [409, 422],
  })
  async batch(@Body() body: BatchPredictRequestDto, @RequestScope() scope: TeacherScope): Promise<StreamableFile> {
    // Streamed: a district's answer (300,000 results) is too big to be one JSON string in the process's heap.
    return jsonStream(toBatchResponse(await this.predictions.predictBatch(body.semester, body.tahun_ajaran, scope, body.kelas), body.kelas));
  }
}
