import type { DataSource, QueryRunner } from 'typeorm';

/** Partitions kept ready ahead of time: the current month and this many following ones. */
export const EVENT_PARTITION_MONTHS_AHEAD = 3;

const PARTITION_NAME = /^event_log_p(\d{4})(\d{2})$/;

/**
 * Makes the monthly event_log partitions from `now`'s month to EVENT_PARTITION_MONTHS_AHEAD after it
 * (SQL function event_log_ensure_partition, migration 1764231800000, the one place a partition is
 * made). Inserts never depend on it — the default partition takes a row with no month partition —
 * but kept ahead, the default stays empty and each month's rows sit in their own droppable table.
 */
export async function ensureEventPartitions(dataSource: DataSource, now = new Date()): Promise<void> {
  for (let ahead = 0; ahead <= EVENT_PARTITION_MONTHS_AHEAD; ahead++) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
    await dataSource.query('SELECT event_log_ensure_partition($1)', [month]);
  }
}

/**
 * Drops the monthly partitions whose whole month lies before `cutoff` (retention by DROP TABLE, not
 * DELETE: constant cost, no dead rows, no vacuum) and returns how many rows they held. Rows of the
 * month `cutoff` falls in, and any in the default partition, are left to the batched DELETE.
 * Runs on the caller's connection, which holds the retention's advisory lock.
 */
export async function dropExpiredEventPartitions(runner: QueryRunner, cutoff: Date): Promise<number> {
  const children = (await runner.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'event_log'::regclass ORDER BY c.relname`,
  )) as Array<{ name: string }>;
  let dropped = 0;
  for (const { name } of children) {
    const match = PARTITION_NAME.exec(name);
    if (!match) continue;
    const monthEnd = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
    if (monthEnd > cutoff) continue;
    const [{ n }] = (await runner.query(`SELECT count(*)::bigint AS n FROM "${name}"`)) as Array<{ n: string }>;
    await runner.query(`DROP TABLE "${name}"`);
    dropped += Number(n);
  }
  return dropped;
}
