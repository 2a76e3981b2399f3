import { DataSource } from 'typeorm';
import { DistrictScale1764231800000 } from '../migrations/1764231800000-DistrictScale';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { EVENT_PARTITION_MONTHS_AHEAD, ensureEventPartitions } from '../src/events/event-partitions';
import { EventRetentionService } from '../src/events/event-retention.service';
import { queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

const DAY_MS = 86_400_000;

/** `event_log_pYYYYMM` of the UTC month `monthsFromNow` away. */
function partitionName(monthsFromNow: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsFromNow, 1));
  return `event_log_p${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Issue #15: event_log is range-partitioned by month (migration 1764231800000). The migration keeps
 * the rows of an existing table, an insert outside every month partition still succeeds (default
 * partition) and moves into its month once that partition is made, and retention drops whole months.
 */
describe('event_log partitioned by month (e2e)', () => {
  let t: TestApp;

  const partitions = async (): Promise<string[]> =>
    (
      await queryDb<{ name: string }>(
        t,
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'event_log'::regclass ORDER BY 1`,
      )
    ).map((r) => r.name);
  const insertAt = (sql: string, action: string): Promise<unknown> =>
    queryDb(t, `INSERT INTO event_log (occurred_at, category, action, method, path, status, duration_ms) VALUES (${sql}, 'SYSTEM', $1, 'GET', '/p', 200, 1)`, [action]);
  const partitionOf = async (action: string): Promise<string[]> =>
    (await queryDb<{ p: string }>(t, `SELECT tableoid::regclass::text AS p FROM event_log WHERE action = $1`, [action])).map((r) => r.p);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is partitioned, with the current month and the next months made ahead, and a default partition', async () => {
    const [{ relkind }] = await queryDb<{ relkind: string }>(t, `SELECT relkind FROM pg_class WHERE relname = 'event_log'`);
    expect(relkind).toBe('p');
    const names = await partitions();
    expect(names).toContain('event_log_default');
    for (let m = 0; m <= EVENT_PARTITION_MONTHS_AHEAD; m++) expect(names).toContain(partitionName(m));
    await insertAt('now()', 'part.now');
    await expect(partitionOf('part.now')).resolves.toEqual([partitionName(0)]);
  });

  it('a row beyond every month partition is kept in the default one, and moves into its month when that is made', async () => {
    await insertAt(`now() + interval '8 months'`, 'part.future');
    await expect(partitionOf('part.future')).resolves.toEqual(['event_log_default']);
    await ensureEventPartitions(t.app.get(DataSource), new Date(Date.now() + 8 * 31 * DAY_MS - 3 * 31 * DAY_MS));
    const [where] = await partitionOf('part.future');
    expect(where).toMatch(/^event_log_p\d{6}$/);
    await expect(queryDb(t, 'SELECT count(*)::int AS n FROM event_log_default')).resolves.toEqual([{ n: 0 }]);
  });

  it('retention drops the partitions of whole expired months and deletes the rest by row', async () => {
    const old = new Date(Date.now() - 400 * DAY_MS);
    await queryDb(t, 'SELECT event_log_ensure_partition($1)', [old]);
    const oldPartition = `event_log_p${old.getUTCFullYear()}${String(old.getUTCMonth() + 1).padStart(2, '0')}`;
    await queryDb(t, `INSERT INTO event_log (occurred_at, category, action, method, path, status, duration_ms) SELECT $1::timestamptz, 'SYSTEM', 'part.old', 'GET', '/p', 200, 1 FROM generate_series(1, 5)`, [old]);
    await insertAt(`now() - interval '${2 * 365} days'`, 'part.default-old');
    await expect(partitionOf('part.default-old')).resolves.toEqual(['event_log_default']);

    await expect(t.app.get(EventRetentionService).purge()).resolves.toBe(6);
    expect(await partitions()).not.toContain(oldPartition);
    expect(await partitions()).toContain(partitionName(0));
    await expect(partitionOf('part.old')).resolves.toEqual([]);
    await expect(partitionOf('part.default-old')).resolves.toEqual([]);
    await expect(partitionOf('part.now')).resolves.toHaveLength(1);
  });

  it('the migration converts an existing table keeping its rows and ids, and reverts', async () => {
    const ds = new DataSource(buildDataSourceOptions({ url: t.databaseUrl }));
    await ds.initialize();
    const runner = ds.createQueryRunner();
    try {
      const migration = new DistrictScale1764231800000();
      await migration.down(runner);
      const [{ relkind }] = (await runner.query(`SELECT relkind FROM pg_class WHERE relname = 'event_log'`)) as Array<{ relkind: string }>;
      expect(relkind).toBe('r');
      await runner.query(
        `INSERT INTO event_log (occurred_at, category, action, method, path, status, duration_ms)
         SELECT now() - g * interval '20 days', 'SYSTEM', 'part.migrated', 'GET', '/m', 200, 1 FROM generate_series(0, 9) AS g`,
      );
      const before = (await runner.query(`SELECT id, occurred_at FROM event_log ORDER BY id`)) as Array<{ id: string }>;
      await migration.up(runner);
      const after = (await runner.query(`SELECT id, occurred_at FROM event_log ORDER BY id`)) as Array<{ id: string }>;
      expect(after).toEqual(before);
      await expect(partitionOf('part.migrated')).resolves.not.toContain('event_log_default');
      const [{ id }] = (await runner.query(
        `INSERT INTO event_log (category, action, method, path, status, duration_ms) VALUES ('SYSTEM', 'part.next', 'GET', '/n', 200, 1) RETURNING id`,
      )) as Array<{ id: string }>;
      expect(BigInt(id)).toBeGreaterThan(BigInt(before[before.length - 1]!.id));
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});
