import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DAY_MS, type PurgeSpec, purgeOlderThan, scheduleDaily } from '../common/jobs/batched-purge';
import { dropExpiredEventPartitions, ensureEventPartitions } from './event-partitions';

/** Whole expired months go by DROP TABLE of their partition; the month the cutoff falls in by DELETE. */
const PURGE: PurgeSpec = { lock: 'edupro_event_retention', table: 'event_log', timeColumn: 'occurred_at', batch: 10_000, dropWhole: dropExpiredEventPartitions };

/**
 * Keeps event_log's monthly partitions made ahead (at start and daily) and deletes events older than
 * EVENT_RETENTION_DAYS once a day (first run a minute after start).
 */
@Injectable()
export class EventRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRetentionService.name);
  private stop?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const warn = (error: unknown): void => this.logger.warn(`Event partition maintenance failed: ${String(error)}`);
    ensureEventPartitions(this.dataSource).catch(warn);
    this.stop = scheduleDaily(
      () => ensureEventPartitions(this.dataSource).then(() => this.purge()),
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
