import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DAY_MS, purgeOlderThan, scheduleDaily } from '../common/jobs/batched-purge';

const PURGE = { lock: 'edupro_event_retention', table: 'event_log', timeColumn: 'occurred_at', batch: 10_000 };

/** Deletes events older than EVENT_RETENTION_DAYS once a day (first run a minute after start). */
@Injectable()
export class EventRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRetentionService.name);
  private stop?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = scheduleDaily(
      () => this.purge(),
      (error) => this.logger.warn(`Event retention purge failed: ${String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Returns how many rows were deleted (0 when another process holds the purge). */
  async purge(now = new Date()): Promise<number> {
    const days = this.config.events.retentionDays;
    const deleted = await purgeOlderThan(this.dataSource, PURGE, new Date(now.getTime() - days * DAY_MS));
    if (deleted > 0) this.logger.log(`Deleted ${deleted} events older than ${days} days`);
    return deleted;
  }
}
