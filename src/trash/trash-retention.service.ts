import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DAY_MS, purgeOlderThan, scheduleDaily } from '../common/jobs/batched-purge';

const PURGE = { lock: 'edupro_trash_retention', table: 'trash', timeColumn: 'deleted_at', batch: 1_000 };

/** Purges recycle-bin items older than TRASH_RETENTION_DAYS once a day (first run a minute after start). */
@Injectable()
export class TrashRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TrashRetentionService.name);
  private stop?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = scheduleDaily(
      () => this.purgeExpired(),
      (error) => this.logger.warn(`Trash retention purge failed: ${String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Returns how many items were purged (0 when another process holds the purge). */
  async purgeExpired(now = new Date()): Promise<number> {
    const days = this.config.trash.retentionDays;
    const purged = await purgeOlderThan(this.dataSource, PURGE, new Date(now.getTime() - days * DAY_MS));
    if (purged > 0) this.logger.log(`Purged ${purged} trash items older than ${days} days`);
    return purged;
  }
}
