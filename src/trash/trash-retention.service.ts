import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const DAY_MS = 86_400_000;
const DELETE_BATCH = 1_000;
const LOCK = 'edupro_trash_retention';

/**
 * Purges recycle-bin items older than TRASH_RETENTION_DAYS once a day (first run a minute after
 * start), as the event log's retention does: batches that commit on their own, and an advisory lock
 * so that of several replicas one does the work.
 */
@Injectable()
export class TrashRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TrashRetentionService.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.purgeExpired().catch((error: unknown) => this.logger.warn(`Trash retention purge failed: ${String(error)}`));
    };
    this.timers.push(setTimeout(run, 60_000), setInterval(run, DAY_MS));
    this.timers.forEach((t) => t.unref());
  }

  onApplicationShutdown(): void {
    this.timers.forEach((t) => clearTimeout(t));
  }

  /** Returns how many items were purged (0 when another process holds the purge). */
  async purgeExpired(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.trash.retentionDays * DAY_MS);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('${LOCK}')) AS locked`);
      if (!locked) return 0;
      let purged = 0;
      try {
        for (;;) {
          const [, count]: [unknown, number] = await runner.query(
            `DELETE FROM trash WHERE id IN (SELECT id FROM trash WHERE deleted_at < $1 ORDER BY deleted_at LIMIT ${DELETE_BATCH})`,
            [cutoff],
          );
          purged += count;
          if (count < DELETE_BATCH) break;
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('${LOCK}'))`);
      }
      if (purged > 0) this.logger.log(`Purged ${purged} trash items older than ${this.config.trash.retentionDays} days`);
      return purged;
    } finally {
      await runner.release();
    }
  }
}
