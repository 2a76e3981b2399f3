import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const DAY_MS = 86_400_000;
const DELETE_BATCH = 10_000;

/**
 * Deletes events older than EVENT_RETENTION_DAYS once a day (first run a minute after start). Deletes
 * in batches so a large backlog never holds long locks; with several replicas an advisory lock lets
 * one of them do the work.
 */
@Injectable()
export class EventRetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRetentionService.name);
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.purge().catch((error: unknown) => this.logger.warn(`Event retention purge failed: ${String(error)}`));
    };
    this.timers.push(setTimeout(run, 60_000), setInterval(run, DAY_MS));
    this.timers.forEach((t) => t.unref());
  }

  onApplicationShutdown(): void {
    this.timers.forEach((t) => clearTimeout(t));
  }

  /** Returns how many rows were deleted (0 when another process holds the purge). */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.events.retentionDays * DAY_MS);
    // One connection for the whole purge: the advisory lock is held by the session, while each
    // batch commits on its own (autocommit), so no long transaction holds the deleted rows.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('edupro_event_retention')) AS locked`);
      if (!locked) return 0;
      let deleted = 0;
      try {
        for (;;) {
          const [, count]: [unknown, number] = await runner.query(
            `DELETE FROM event_log WHERE id IN (SELECT id FROM event_log WHERE occurred_at < $1 LIMIT ${DELETE_BATCH})`,
            [cutoff],
          );
          deleted += count;
          if (count < DELETE_BATCH) break;
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('edupro_event_retention'))`);
      }
      if (deleted > 0) this.logger.log(`Deleted ${deleted} events older than ${this.config.events.retentionDays} days`);
      return deleted;
    } finally {
      await runner.release();
    }
  }
}
