import { SetMetadata } from '@nestjs/common';
import type { RateLimitBucket } from '../../config/app-config';

export const RATE_LIMIT_KEY = 'rate_limit_bucket';

/**
 * Puts an expensive route under its bucket's per-user limit (RATE_LIMIT_<BUCKET> requests per
 * RATE_LIMIT_WINDOW_SECONDS, counted in PostgreSQL across replicas); beyond it, 429 with
 * Retry-After. Routes of one bucket share the count (every export of a user, whatever the domain).
 */
export const RateLimited = (bucket: RateLimitBucket): MethodDecorator => SetMetadata(RATE_LIMIT_KEY, bucket);
