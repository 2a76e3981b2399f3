import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainException } from '../common/http/problem';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { HEALTH_ERRORS } from './health.errors';
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
      const problems = Object.entries(report.checks).filter(([, state]) => !['up', 'applied', 'ok'].includes(state));
      throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, HEALTH_ERRORS.NOT_READY, { problems: problems.map(([name, state]) => `${name}: ${state}`) }, { checks: report.checks });
    }
    return report;
  }
}
