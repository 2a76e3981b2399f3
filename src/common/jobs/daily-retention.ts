import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DAY_MS, purgeOlderThan, type PurgeSpec, scheduleDaily } from './batched-purge';

export interface RetentionSpec extends PurgeSpec {
  /** What the rows are, for the log lines: `events`, `trash items`. */
  rows: string;
}

/**
 * A provider that deletes a table's rows older than its retention period once a day (first run a
 * minute after start), with the batching and advisory lock of purgeOlderThan. A domain extends it
 * with its table and its setting.
 */
export abstract class DailyRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private stop?: () => void;

  protected constructor(
    private readonly dataSource: DataSource,
    private readonly spec: RetentionSpec,
    /** How long a row is kept, in days. */
    private readonly retentionDays: number,
  ) {
    this.logger = new Logger(new.target.name);
  }

  onApplicationBootstrap(): void {
    this.maintain().catch((error: unknown) => this.logger.warn(`Maintenance of ${this.spec.rows} failed: ${String(error)}`));
    this.stop = scheduleDaily(
      () => this.maintain().then(() => this.purgeExpired()),
      (error) => this.logger.warn(`Retention purge of ${this.spec.rows} failed: ${String(error)}`),
    );
  }

  /** Work due at start and before each daily purge (the event log makes its coming months' partitions); none by default. */
  protected maintain(): Promise<void> {
    return Promise.resolve();
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Returns how many rows were deleted (0 when another process holds the purge). */
  async purgeExpired(now = new Date()): Promise<number> {
    const days = this.retentionDays;
    const deleted = await purgeOlderThan(this.dataSource, this.spec, new Date(now.getTime() - days * DAY_MS));
    if (deleted > 0) this.logger.log(`Deleted ${deleted} ${this.spec.rows} older than ${days} days`);
    return deleted;
  }
}
