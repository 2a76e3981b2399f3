import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns, defaults, identity and CHECK of the table being replaced, without its indexes (their names are taken). */
const SAME_COLUMNS = 'INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS';

const EVENT_LOG_INDEXES = [
  `CREATE INDEX "ix_event_log_occurred_at" ON "event_log" ("occurred_at")`,
  `CREATE INDEX "ix_event_log_category_occurred_at" ON "event_log" ("category", "occurred_at")`,
  `CREATE INDEX "ix_event_log_user_id" ON "event_log" ("user_id", "occurred_at")`,
  `CREATE INDEX "ix_event_log_entity" ON "event_log" ("entity_type", "entity_id")`,
];

/**
 * The one place a month's partition is made (the migration, the app's start and its daily job call
 * it): partitions are UTC calendar months named event_log_pYYYYMM. Rows that had landed in the
 * default partition for that month (an insert never fails for want of a partition) move into it,
 * since PostgreSQL refuses a partition whose range the default partition already holds rows of.
 * The advisory lock makes concurrent callers (several replicas) wait instead of colliding.
 */
const ENSURE_PARTITION_FUNCTION = `
CREATE FUNCTION event_log_ensure_partition(at timestamptz) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  lo timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  hi timestamptz := lo + interval '1 month';
  part text := 'event_log_p' || to_char(lo AT TIME ZONE 'UTC', 'YYYYMM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('edupro_event_log_partitions'));
  IF to_regclass(part) IS NOT NULL THEN
    RETURN part;
  END IF;
  CREATE TEMP TABLE event_log_moving ON COMMIT DROP AS
    SELECT * FROM event_log_default WHERE occurred_at >= lo AND occurred_at < hi;
  DELETE FROM event_log_default WHERE occurred_at >= lo AND occurred_at < hi;
  EXECUTE format('CREATE TABLE %I PARTITION OF event_log FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  INSERT INTO event_log SELECT * FROM event_log_moving;
  DROP TABLE event_log_moving;
  RETURN part;
END
$fn$`;

/** Partitions made ahead of time: the current month and this many following ones. */
const MONTHS_AHEAD = 3;

/**
 * District scale (issue #15): trigram indexes so `search` (ILIKE '%x%' on the student's name, NIS and
 * class) is an index scan, a (kelas, nama, id) index for a class list sorted by name, and event_log
 * range-partitioned by month so its retention drops whole partitions instead of deleting rows.
 */
export class DistrictScale1764231800000 implements MigrationInterface {
  name = 'DistrictScale1764231800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const column of ['nama', 'nis', 'kelas']) {
      await queryRunner.query(`CREATE INDEX "ix_siswa_${column}_trgm" ON "siswa" USING gin ("${column}" gin_trgm_ops)`);
    }
    await queryRunner.query(`DROP INDEX "ix_siswa_kelas"`);
    await queryRunner.query(`CREATE INDEX "ix_siswa_kelas_nama" ON "siswa" ("kelas", "nama", "id")`);

    await queryRunner.query(`ALTER TABLE "event_log" RENAME TO "event_log_unpartitioned"`);
    await queryRunner.query(`ALTER TABLE "event_log_unpartitioned" DROP CONSTRAINT "pk_event_log"`);
    for (const index of ['ix_event_log_occurred_at', 'ix_event_log_category_occurred_at', 'ix_event_log_user_id', 'ix_event_log_entity']) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    // The partition key must be part of the primary key; the id alone stays unique by its identity.
    await queryRunner.query(`CREATE TABLE "event_log" (LIKE "event_log_unpartitioned" ${SAME_COLUMNS},
      CONSTRAINT "pk_event_log" PRIMARY KEY ("id", "occurred_at")) PARTITION BY RANGE ("occurred_at")`);
    await queryRunner.query(`CREATE TABLE "event_log_default" PARTITION OF "event_log" DEFAULT`);
    await queryRunner.query(ENSURE_PARTITION_FUNCTION);
    // Partitions for every month the existing rows cover, up to MONTHS_AHEAD after the current one.
    await queryRunner.query(
      `SELECT event_log_ensure_partition(m)
         FROM generate_series(
           date_trunc('month', coalesce((SELECT min(occurred_at) FROM "event_log_unpartitioned"), now()) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
           now() + interval '${MONTHS_AHEAD} months',
           interval '1 month') AS m`,
    );
    await queryRunner.query(`INSERT INTO "event_log" SELECT * FROM "event_log_unpartitioned"`);
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence('event_log', 'id'), coalesce(max("id"), 0) + 1, false) FROM "event_log_unpartitioned"`);
    await queryRunner.query(`DROP TABLE "event_log_unpartitioned"`);
    for (const sql of EVENT_LOG_INDEXES) await queryRunner.query(sql);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_log" RENAME TO "event_log_partitioned"`);
    await queryRunner.query(`ALTER TABLE "event_log_partitioned" DROP CONSTRAINT "pk_event_log"`);
    for (const index of ['ix_event_log_occurred_at', 'ix_event_log_category_occurred_at', 'ix_event_log_user_id', 'ix_event_log_entity']) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
    await queryRunner.query(`CREATE TABLE "event_log" (LIKE "event_log_partitioned" ${SAME_COLUMNS}, CONSTRAINT "pk_event_log" PRIMARY KEY ("id"))`);
    await queryRunner.query(`INSERT INTO "event_log" SELECT * FROM "event_log_partitioned"`);
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence('event_log', 'id'), coalesce(max("id"), 0) + 1, false) FROM "event_log"`);
    await queryRunner.query(`DROP TABLE "event_log_partitioned"`);
    await queryRunner.query(`DROP FUNCTION event_log_ensure_partition(timestamptz)`);
    for (const sql of EVENT_LOG_INDEXES) await queryRunner.query(sql);

    await queryRunner.query(`DROP INDEX "ix_siswa_kelas_nama"`);
    await queryRunner.query(`CREATE INDEX "ix_siswa_kelas" ON "siswa" ("kelas")`);
    for (const column of ['nama', 'nis', 'kelas']) await queryRunner.query(`DROP INDEX "ix_siswa_${column}_trgm"`);
    // pg_trgm stays: other objects may use it, and dropping an extension needs more rights than creating one.
  }
}
