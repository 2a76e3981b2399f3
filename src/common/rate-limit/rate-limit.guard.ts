import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig, RATE_LIMIT_BUCKETS, type RateLimitBucket } from '../../config/app-config';
import { DomainException } from '../http/problem';
import { type MessageKey, msg } from '../../i18n/catalogue';
import { RATE_LIMIT_ERRORS } from './rate-limit.errors';
import type { AuthUser } from '../role';
import { RATE_LIMIT_KEY } from './rate-limited.decorator';
import { isRateLimited, RateLimitStore } from './rate-limit.store';

const BUCKET_NAMES: Record<RateLimitBucket, MessageKey> = {
  train: 'BUCKET_TRAIN',
  batch: 'BUCKET_BATCH',
  export: 'BUCKET_EXPORT',
  tree: 'BUCKET_TREE',
  upload: 'BUCKET_UPLOAD',
};

export class RateLimitedException extends DomainException {
  constructor(bucket: RateLimitBucket, limit: number, windowSeconds: number, retryAfterSeconds: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      RATE_LIMIT_ERRORS.RATE_LIMITED,
      { what: msg(BUCKET_NAMES[bucket]), limit, window: windowSeconds, retry: retryAfterSeconds },
      { retry_after: retryAfterSeconds, bucket },
    );
  }
}

/**
 * Counts each call of a `@RateLimited(bucket)` route against the caller's per-user limit. Runs after
 * JwtAuthGuard and RolesGuard (setupApp), so only authenticated, permitted calls count. A store
 * error (database unreachable) propagates: the route needs the database anyway (503).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly counters = new Map<RateLimitBucket, RateLimiterPostgres>();

  constructor(
    private readonly reflector: Reflector,
    store: RateLimitStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const { windowSeconds, perUser } = config.rateLimits;
    for (const bucket of RATE_LIMIT_BUCKETS) {
      if (perUser[bucket] > 0) {
        this.counters.set(bucket, store.counter({ prefix: `rl_${bucket}`, points: perUser[bucket], durationSeconds: windowSeconds }));
      }
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const bucket = this.reflector.get<RateLimitBucket | undefined>(RATE_LIMIT_KEY, context.getHandler());
    const counter = bucket && this.counters.get(bucket);
    if (!bucket || !counter) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>().user;
    // Every rate-limited route requires a login; the address is the fallback should one ever be public.
    const subject = user ? `u${user.id}` : `ip${context.switchToHttp().getRequest<FastifyRequest>().ip}`;
    try {
      await counter.consume(subject);
      return true;
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      const { windowSeconds, perUser } = this.config.rateLimits;
      throw new RateLimitedException(bucket, perUser[bucket], windowSeconds, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
  }
}
