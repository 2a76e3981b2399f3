import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DailyRetention, type RetentionSpec } from '../common/jobs/daily-retention';

const PURGE: RetentionSpec = { lock: 'edupro_trash_retention', table: 'trash', timeColumn: 'deleted_at', batch: 1_000, rows: 'trash items' };

/** Purges recycle-bin items older than TRASH_RETENTION_DAYS once a day (first run a minute after start). */
@Injectable()
export class TrashRetentionService extends DailyRetention {
  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    super(dataSource, PURGE, config.trash.retentionDays);
  }
}
