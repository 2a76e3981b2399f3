import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PgListener } from '../../database/pg-listener';
import { ReadDatabase } from '../../database/read-database';

/**
 * The channel the statement-level triggers of migration TrainingDataChanges1764231900000 notify on
 * (nilai_raport, presensi, penghasilan_orang_tua, prestasi: every table the student-semester join
 * reads a value from; a student's removal cascades to those, so siswa needs none).
 */
export const TRAINING_DATA_CHANGED_CHANNEL = 'edupro_training_data_changed';

interface Memo {
  generation: number;
  value: Promise<unknown>;
}

/**
 * Answers that summarise the whole training data (feature statistics: a four-table pass over 1.8 M
 * rows at district size) are kept, per process, until the data changes — exactly: a kept answer is
 * never served after a write to those tables has committed.
 *
 * - Every committed write NOTIFYs (delivered on commit only); each notification bumps `generation`.
 * - Before using or filling the memo, one round trip on the LISTEN connection (PgListener.roundTrip)
 *   makes every notification committed before the request arrive first, so a client that just wrote
 *   sees its write (read-your-writes, from any process).
 * - A fill is stamped with the generation read *before* its query's snapshot: a write committing
 *   while it runs bumps the generation, so that fill is never served.
 * - Not listening (connection lost, reconnecting) or reading a separate DATABASE_READ_URL (a replica
 *   lags the primary whose writes notify): nothing is kept, every call computes.
 * Concurrent callers of one generation share one computation.
 */
@Injectable()
export class TrainingDataChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private generation = 0;
  private readonly memos = new Map<string, Memo>();
  private readonly listener: PgListener;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly read: ReadDatabase,
  ) {
    this.listener = PgListener.onPrimary(config.database, {
      channel: TRAINING_DATA_CHANGED_CHANNEL,
      applicationName: 'edupro-api-training-data-changes',
      onNotification: () => this.changed(),
      // Writes announced while no connection listened are unknown: forget everything.
      onLost: () => this.changed(),
      onSubscribed: () => this.changed(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  /** `compute()`'s answer for the training data as it is now, kept under `key` until the next write. */
  async memoized<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.read.separate || !(await this.listener.roundTrip())) return compute();
    const generation = this.generation;
    const kept = this.memos.get(key);
    if (kept?.generation === generation) return kept.value as Promise<T>;
    const memo: Memo = { generation, value: compute() };
    this.memos.set(key, memo);
    memo.value.catch(() => {
      if (this.memos.get(key) === memo) this.memos.delete(key);
    });
    return memo.value as Promise<T>;
  }

  private changed(): void {
    this.generation++;
    this.memos.clear();
  }
}
