import { Injectable } from '@nestjs/common';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

export { RateLimiterRes };

export interface CounterOptions {
  /** Key prefix, unique per kind of counter (`login_pair`, `rl_export`, …). */
  prefix: string;
  /** Allowed points per window (a consume beyond them is refused). */
  points: number;
  /** Window in seconds, counted from the first point; 0 = never lapses. */
  durationSeconds: number;
}

/** A refusal from a counter, as opposed to an error of the store (e.g. the database is down). */
export function isRateLimited(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/**
 * Counters kept in PostgreSQL (table `rate_limit`) with rate-limiter-flexible, so that a limit holds
 * across all replicas of the API instead of per process. Every counter shares the table and this
 * process's connection pool.
 */
@Injectable()
export class RateLimitStore {
  private janitorStarted = false;

  constructor(private readonly dataSource: DataSource) {}

  counter(options: CounterOptions): RateLimiterPostgres {
    // Each limiter can purge expired rows of the whole table every 5 minutes; one per process is enough.
    const clearExpiredByTimeout = !this.janitorStarted;
    this.janitorStarted = true;
    return new RateLimiterPostgres({
      storeClient: this.dataSource,
      storeType: 'typeorm',
      tableName: 'rate_limit',
      tableCreated: true,
      clearExpiredByTimeout,
      keyPrefix: options.prefix,
      points: options.points,
      duration: options.durationSeconds,
    });
  }
}
