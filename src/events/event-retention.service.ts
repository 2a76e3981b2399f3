import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DailyRetention, type RetentionSpec } from '../common/jobs/daily-retention';

const PURGE: RetentionSpec = { lock: 'edupro_event_retention', table: 'event_log', timeColumn: 'occurred_at', batch: 10_000, rows: 'events' };

/** Deletes events older than EVENT_RETENTION_DAYS once a day (first run a minute after start). */
@Injectable()
export class EventRetentionService extends DailyRetention {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, PURGE, config.events.retentionDays);
  }

  /** Returns how many rows were deleted (0 when another process holds the purge). */
  purge(now = new Date()): Promise<number> {
    return this.purgeExpired(now);
  }
}
