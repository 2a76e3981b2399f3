import { Controller, Get, Headers, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainException } from '../common/http/problem';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dbPoolConnections, metricsRegistry } from './instruments';
import { METRICS_ERRORS } from './metrics.errors';

interface PgPoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `/metrics` (outside /api): Prometheus text; a bearer token is required when METRICS_TOKEN is set. */
@ApiTags('system')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiEndpoint({
    public: true,
    summary: 'Prometheus metrics (bearer METRICS_TOKEN when configured)',
    response: 'binary',
    produces: 'text/plain',
    errors: [401],
  })
  async metrics(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.metricsToken;
    if (token && !sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, METRICS_ERRORS.METRICS_TOKEN_REQUIRED);
    }
    const pool = (this.dataSource.driver as unknown as { master?: PgPoolLike }).master;
    if (pool) {
      dbPoolConnections.set({ state: 'total' }, pool.totalCount);
      dbPoolConnections.set({ state: 'idle' }, pool.idleCount);
      dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount);
    }
    void reply.header('Content-Type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
  }
}
