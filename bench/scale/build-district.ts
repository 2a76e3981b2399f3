import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import {
  EVENT_COLUMNS,
  NILAI_COLUMNS,
  PENGHASILAN_COLUMNS,
  PRESENSI_COLUMNS,
  PRESTASI_COLUMNS,
  SEMESTERS,
  SISWA_COLUMNS,
  eventRows,
  nilaiRows,
  penghasilanRows,
  presensiRows,
  prestasiRows,
  siswaRows,
} from './district-data';

export interface DistrictSize {
  students: number;
  events: number;
}

export interface BuiltDistrict {
  url: string;
  drop(): Promise<void>;
  seconds: Record<string, number>;
  rows: Record<string, number>;
  sizeMb: number;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function copyInto(db: Client, table: string, columns: string, rows: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(rows), db.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`)));
}

/**
 * A fresh database migrated by the app's own migrations, then filled with COPY (never the API):
 * `size.students` students with six semesters of nilai, presensi and prestasi each, one penghasilan
 * row each, and `size.events` event_log rows over the past year (in their monthly partitions).
 * Row triggers and foreign-key checks are off while loading (session_replication_role = replica):
 * the generator produces consistent rows, and checking 7 M of them one by one is most of the cost.
 */
export async function buildDistrict(adminUrl: string, name: string, size: DistrictSize, log: (line: string) => void): Promise<BuiltDistrict> {
  const seconds: Record<string, number> = {};
  const timed = async (label: string, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await work();
    seconds[label] = (performance.now() - started) / 1000;
    log(`  ${label}: ${seconds[label]!.toFixed(1)} s`);
  };
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  await timed('migrations', async () => {
    const ds = new DataSource(buildDataSourceOptions({ url }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
  });

  const n = size.students;
  const semesterRows = n * SEMESTERS.length;
  const rows = { siswa: n, nilai_raport: semesterRows, presensi: semesterRows, prestasi: semesterRows, penghasilan_orang_tua: n, event_log: size.events };
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`SET session_replication_role = replica`);
    const years = [...new Set(SEMESTERS.map((s) => s.tahunAjaran))];
    for (const nama of years) {
      const start = Number(nama.slice(0, 4));
      await db.query(
        `INSERT INTO tahun_ajaran (nama, mulai, selesai, aktif, semester_aktif) VALUES ($1, make_date($2, 7, 1), make_date($2 + 1, 6, 30), $3, 'Genap')`,
        [nama, start, nama === years[years.length - 1]],
      );
    }
    await timed('copy siswa', () => copyInto(db, 'siswa', SISWA_COLUMNS, siswaRows(n)));
    await timed('copy nilai_raport', () => copyInto(db, 'nilai_raport', NILAI_COLUMNS, nilaiRows(n)));
    await timed('copy presensi', () => copyInto(db, 'presensi', PRESENSI_COLUMNS, presensiRows(n)));
    await timed('copy penghasilan_orang_tua', () => copyInto(db, 'penghasilan_orang_tua', PENGHASILAN_COLUMNS, penghasilanRows(n)));
    await timed('copy prestasi', () => copyInto(db, 'prestasi', PRESTASI_COLUMNS, prestasiRows(n)));
    const now = new Date();
    await timed('copy event_log', async () => {
      // The monthly partitions of the past year first, so COPY routes each row to its month.
      await db.query(`SELECT event_log_ensure_partition(m) FROM generate_series(now() - interval '13 months', now(), interval '1 month') AS m`);
      await copyInto(db, 'event_log', EVENT_COLUMNS, eventRows(size.events, now));
    });
    for (const table of ['siswa', 'nilai_raport', 'presensi', 'penghasilan_orang_tua', 'prestasi']) {
      await db.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`);
    }
    // What autovacuum would have done by the time a district's data had accumulated.
    await timed('vacuum analyze', () => db.query('VACUUM (ANALYZE)'));
    const [{ mb }] = (await db.query(`SELECT round(pg_database_size(current_database()) / 1048576.0) AS mb`)).rows as Array<{ mb: string }>;
    return { url, drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), seconds, rows, sizeMb: Number(mb) };
  } finally {
    await db.end();
  }
}

/**
 * A copy of an already built district (`CREATE DATABASE … TEMPLATE`), for measuring one change
 * again without building: `npm run bench:scale -- --from <database>`. Rows are the planner's counts.
 */
export async function cloneDistrict(adminUrl: string, template: string, name: string): Promise<BuiltDistrict> {
  const started = performance.now();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(adminUrl, name);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const tables = ['siswa', 'nilai_raport', 'presensi', 'penghasilan_orang_tua', 'prestasi', 'event_log'];
    const rows: Record<string, number> = {};
    for (const table of tables) {
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows as Array<{ n: number }>;
      rows[table] = n;
    }
    const [{ mb }] = (await db.query(`SELECT round(pg_database_size(current_database()) / 1048576.0) AS mb`)).rows as Array<{ mb: string }>;
    return { url, drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), seconds: { [`copy of ${template}`]: (performance.now() - started) / 1000 }, rows, sizeMb: Number(mb) };
  } finally {
    await db.end();
  }
}
