import type { DataSource, QueryRunner } from 'typeorm';

export const DAY_MS = 86_400_000;

export interface PurgeSpec {
  /** Advisory-lock name: with several replicas one of them does the work. */
  lock: string;
  table: string;
  /** The timestamp column compared with the cutoff. */
  timeColumn: string;
  batch: number;
  /**
   * Removes whole stored units older than the cutoff before the batched DELETE (event_log drops its
   * monthly partitions); returns how many rows they held. Runs under the same advisory lock.
   */
  dropWhole?: (runner: QueryRunner, cutoff: Date) => Promise<number>;
}

/**
 * Deletes the rows of `table` older than `cutoff` in batches, each committing on its own, on one
 * connection holding a session advisory lock: a large backlog never holds long locks, and of several
 * replicas one purges. Returns how many rows were deleted (0 when another process holds the purge).
 */
export async function purgeOlderThan(dataSource: DataSource, spec: PurgeSpec, cutoff: Date): Promise<number> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [spec.lock])) as Array<{ locked: boolean }>;
    if (!locked) return 0;
    let deleted = 0;
    try {
      if (spec.dropWhole) deleted += await spec.dropWhole(runner, cutoff);
      for (;;) {
        const [, count] = (await runner.query(
          // The time condition outside too: on a partitioned table it prunes the DELETE to the old partitions.
          `DELETE FROM "${spec.table}" WHERE "${spec.timeColumn}" < $1
             AND id IN (SELECT id FROM "${spec.table}" WHERE "${spec.timeColumn}" < $1 ORDER BY "${spec.timeColumn}" LIMIT ${spec.batch})`,
          [cutoff],
        )) as [unknown, number];
        deleted += count;
        if (count < spec.batch) break;
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [spec.lock]);
    }
    return deleted;
  } finally {
    await runner.release();
  }
}

/** Runs `job` a minute after start and then daily; returns the stop function for shutdown. */
export function scheduleDaily(job: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  const run = (): void => {
    job().catch(onError);
  };
  const timers = [setTimeout(run, 60_000), setInterval(run, DAY_MS)];
  timers.forEach((t) => t.unref());
  return () => timers.forEach((t) => clearTimeout(t));
}
