import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
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

/** A live counter as read by `peek`. */
export interface CounterReading {
  points: number;
  msBeforeNext: number;
}

/** A refusal from a counter, as opposed to an error of the store (e.g. the database is down). */
export function isRateLimited(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

const PURGE_EVERY_MS = 5 * 60_000;

/**
 * Counters kept in PostgreSQL (table `rate_limit`) with rate-limiter-flexible, so that a limit holds
 * across all replicas of the API instead of per process. Every counter shares the table and this
 * process's connection pool.
 */
@Injectable()
export class RateLimitStore implements OnModuleInit, OnModuleDestroy {
  private purgeTimer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  counter(options: CounterOptions): RateLimiterPostgres {
    return new RateLimiterPostgres({
      storeClient: this.dataSource,
      storeType: 'typeorm',
      tableName: 'rate_limit',
      tableCreated: true,
      // Each limiter would run its own timer over the whole table, never stopped: one purge below instead.
      clearExpiredByTimeout: false,
      keyPrefix: options.prefix,
      points: options.points,
      duration: options.durationSeconds,
    });
  }

  /**
   * Several counters in one query (the login check reads four on every attempt): keys as
   * `counter.getKey(subject)`; lapsed and missing ones are absent from the result.
   */
  async peek(keys: string[]): Promise<Map<string, CounterReading>> {
    const now = Date.now();
    const rows: Array<{ key: string; points: number; expire: string | null }> = await this.dataSource.query(
      `SELECT key, points, expire FROM rate_limit WHERE key = ANY($1) AND (expire > $2 OR expire IS NULL)`,
      [keys, now],
    );
    return new Map(rows.map((r) => [r.key, { points: r.points, msBeforeNext: r.expire === null ? -1 : Math.max(Number(r.expire) - now, 0) }]));
  }

  onModuleInit(): void {
    // Lapsed counters are ignored when read; rows an hour past their expiry are deleted (as the library would).
    this.purgeTimer = setInterval(() => {
      this.dataSource.query(`DELETE FROM rate_limit WHERE expire < $1`, [Date.now() - 3_600_000]).catch(() => undefined);
    }, PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }
}
