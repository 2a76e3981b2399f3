import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DailyRetention, type RetentionSpec } from '../common/jobs/daily-retention';
import { dropExpiredEventPartitions, ensureEventPartitions } from './event-partitions';

/** Whole expired months go by DROP TABLE of their partition; the month the cutoff falls in by DELETE. */
const PURGE: RetentionSpec = {
  lock: 'edupro_event_retention',
  table: 'event_log',
  timeColumn: 'occurred_at',
  batch: 10_000,
  rows: 'events',
  dropWhole: dropExpiredEventPartitions,
};

/**
 * Deletes events older than EVENT_RETENTION_DAYS once a day (first run a minute after start); at start
 * and before each purge it makes the partitions of the current and coming months.
 */
@Injectable()
export class EventRetentionService extends DailyRetention {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(db, PURGE, config.events.retentionDays);
  }

  protected override maintain(): Promise<void> {
    return ensureEventPartitions(this.db);
  }

  /** Returns how many rows were deleted (0 when another process holds the purge). */
  purge(now = new Date()): Promise<number> {
    return this.purgeExpired(now);
  }
}
