import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { HealthService } from './health.service';
import { HealthResponseDto, LivenessResponseDto, ReadinessResponseDto } from './health.dto';

/** `/health`: the web client's shape, outside the /api prefix (excluded in app.setup.ts). */
@ApiTags('health')
@Controller()
export class ClientHealthController {
  @Get('health')
  @ApiEndpoint({ public: true, summary: 'Service health (the web client polls this)', response: HealthResponseDto })
  status(): HealthResponseDto {
    return { status: 'healthy', timestamp: new Date().toISOString() };
  }
}

/** `/api/health/live` and `/api/health/ready`, for orchestrators and load balancers. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiEndpoint({ public: true, summary: 'Liveness: the process answers', response: LivenessResponseDto })
  live(): LivenessResponseDto {
    return { status: 'ok', uptime_seconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @ApiEndpoint({
    public: true,
    summary: 'Readiness: database reachable, no pending migration',
    response: ReadinessResponseDto,
    errors: [HttpStatus.SERVICE_UNAVAILABLE],
  })
  async ready(): Promise<ReadinessResponseDto> {
    const report = await this.health.readiness();
    if (report.status !== 'ready') {
      throw new ServiceUnavailableException({ detail: report.detail, code: 'NOT_READY', checks: report.checks });
    }
    return report;
  }
}
