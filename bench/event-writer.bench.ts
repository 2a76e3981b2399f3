/**
 * `npm run bench:events`: how many event rows per second the writer stores, against the old way
 * (200-row multi-row INSERTs, one at a time). Needs DATABASE_URL (a server where it may create and
 * drop a scratch database). Pushes BENCH_EVENT_ROWS rows (100,000) in bursts of 1,000 per
 * millisecond-tick, as a flood of requests would, and times until all are written.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import type { EventRecord } from '../src/events/event-storage';
import { DEFAULT_EVENT_WRITER_OPTIONS, EventWriter } from '../src/events/event-writer.service';

const ROWS = Number(process.env.BENCH_EVENT_ROWS ?? 100_000);
const adminUrl = process.env.DATABASE_URL;

const row = (i: number): EventRecord => ({
  occurred_at: new Date(),
  request_id: `bench-${i}`,
  category: 'CRUD',
  action: 'nilai.create',
  user_id: 1,
  username: 'admin',
  role: 'admin',
  method: 'POST',
  path: '/api/nilai',
  status: 201,
  duration_ms: 12.5,
  ip: '127.0.0.1',
  user_agent: 'autocannon',
  entity_type: 'nilai',
  entity_id: String(i),
  changes: { before: null, after: { id: i, siswa_id: 7, semester: 'Ganjil', tahun_ajaran: '2030/2031', matematika: 80, rata_rata: 81.2 } },
});

/** The writer before this change: multi-row INSERT ... VALUES of 200 rows, awaited one after the other. */
async function oldStyle(url: string, rows: EventRecord[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const columns = Object.keys(rows[0]!) as Array<keyof EventRecord>;
  for (let start = 0; start < rows.length; start += 200) {
    const params: unknown[] = [];
    const values = rows.slice(start, start + 200).map((r) => {
      const ph = columns.map((c) => {
        params.push(c === 'changes' ? JSON.stringify(r[c]) : r[c]);
        return `$${params.length}`;
      });
      return `(${ph.join(', ')})`;
    });
    await client.query(`INSERT INTO event_log (${columns.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
  await client.end();
}

async function main(): Promise<void> {
  if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server (a scratch database is created there)');
  const name = `edupro_bench_events_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  try {
    const ds = new DataSource(buildDataSourceOptions({ url }));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    const rows = Array.from({ length: ROWS }, (_, i) => row(i));

    const t0 = performance.now();
    await oldStyle(url, rows);
    const oldMs = performance.now() - t0;

    const config = { database: { url, connectTimeoutMs: 3000, statementTimeoutMs: 15000 } } as AppConfig;
    const writer = new EventWriter(config, DEFAULT_EVENT_WRITER_OPTIONS);
    writer.onModuleInit();
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += 1000) {
      for (const r of rows.slice(i, i + 1000)) writer.push(r);
      await new Promise((r) => setImmediate(r));
    }
    while (writer.written < rows.length) await new Promise((r) => setTimeout(r, 5));
    const newMs = performance.now() - t1;
    await writer.beforeApplicationShutdown();
    await writer.onApplicationShutdown();

    const check = new Client({ connectionString: url });
    await check.connect();
    const stored = Number((await check.query<{ n: string }>('SELECT count(*) AS n FROM event_log')).rows[0]!.n);
    await check.end();
    const rate = (ms: number): number => Math.round((rows.length / ms) * 1000);
    console.log(`rows: ${rows.length} per method; stored in total: ${stored} (expected ${2 * rows.length})`);
    console.log(`old (200-row VALUES, sequential): ${Math.round(oldMs)} ms = ${rate(oldMs)} rows/s`);
    console.log(
      `new (unnest, backlog-sized, ${DEFAULT_EVENT_WRITER_OPTIONS.concurrency} in flight, own pool): ${Math.round(newMs)} ms = ${rate(newMs)} rows/s`,
    );
    if (stored !== 2 * rows.length) process.exitCode = 1;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
