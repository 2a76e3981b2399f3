import { Controller, Get, Headers, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * A client on this host talking to us directly: the socket's peer (not request.ip, which follows
 * X-Forwarded-For when TRUST_PROXY is on) is loopback, and no proxy says it forwards someone else.
 */
function isLocalClient(request: FastifyRequest): boolean {
  const peer = request.socket?.remoteAddress ?? '';
  return LOOPBACK.has(peer) && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;
}

/**
 * `/metrics` (outside /api): Prometheus text. With METRICS_TOKEN set, the token is required as a
 * bearer token; without one, production answers loopback clients only (a scraper on the same host),
 * since route names, pool sizes and model accuracy are not for the school's network at large.
 */
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
    summary: 'Prometheus metrics (bearer METRICS_TOKEN when configured; without one, loopback clients only in production)',
    response: 'binary',
    produces: 'text/plain',
    errors: [401, 403],
  })
  async metrics(
    @Headers('authorization') authorization: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const token = this.config.metricsToken;
    if (token && !sameSecret(authorization ?? '', `Bearer ${token}`)) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, METRICS_ERRORS.METRICS_TOKEN_REQUIRED);
    }
    if (!token && this.config.env === 'production' && !isLocalClient(request)) {
      throw new DomainException(HttpStatus.FORBIDDEN, METRICS_ERRORS.METRICS_LOOPBACK_ONLY);
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
