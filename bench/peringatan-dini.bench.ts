/**
 * `npm run bench:warning`: the early-warning list of a whole school (issue #14: 10,000 students in
 * under 2 s). The school is built in SQL (BENCH_WARNING_STUDENTS students, two semesters each, with
 * grades, attendance, income and observed prestasi drawn from a seeded generator), a model is trained
 * through the API, then `GET /api/peringatan-dini` (the whole school is assessed on every request;
 * one page of 50 answered) and the full export-sized list (`limit=10000`: every at-risk student with
 * path and advice) are timed against the built app (`node dist/src/main.js`, production settings,
 * embedded PostgreSQL). The app's peak RSS (VmHWM) is reset after training, so it covers the lists.
 * Writes the table into BENCHMARKS.md between the WARNING markers.
 *
 * Settings (env): BENCH_WARNING_STUDENTS (10000), BENCH_WARNING_REPEATS (10).
 */
import { peakRssMb, resetPeakRss, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { createApiClient } from './lib/api-client';
import { load, runBench, runLine, writeSection } from './lib/report';
import { seedWarningSchool } from './lib/warning-seed';

const STUDENTS = Number(process.env.BENCH_WARNING_STUDENTS ?? 10_000);
const REPEATS = Number(process.env.BENCH_WARNING_REPEATS ?? 10);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

async function timeGet(
  baseUrl: string,
  path: string,
  token: string,
): Promise<{ ms: number; body: { total: number; jumlah_dinilai: number; data: unknown[] } }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 500)}`);
  return { ms, body: JSON.parse(text) as { total: number; jumlah_dinilai: number; data: unknown[] } };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const app = await startBenchApp({ ADMIN_PASSWORD, DEMO_DATA: 'false', RATE_LIMIT_TRAIN: '0' });
  try {
    let started = Date.now();
    await seedWarningSchool(app.databaseUrl, STUDENTS);
    const seedMs = Date.now() - started;
    const api = await createApiClient(app.baseUrl, 'admin', ADMIN_PASSWORD);
    started = Date.now();
    await api.train();
    const trainMs = Date.now() - started;

    resetPeakRss(app.pid);
    const loadBefore = load();
    const lines: string[] = [];
    let assessed = 0;
    let atRisk = 0;
    for (const path of ['/api/peringatan-dini?limit=50', '/api/peringatan-dini?limit=10000']) {
      const first = await timeGet(app.baseUrl, path, api.token);
      const runs = [first.ms];
      for (let i = 1; i < REPEATS; i++) runs.push((await timeGet(app.baseUrl, path, api.token)).ms);
      assessed = first.body.jumlah_dinilai;
      atRisk = first.body.total;
      const bytes = Buffer.byteLength(JSON.stringify(first.body));
      const line = `| \`GET ${path}\` | ${first.body.data.length} | ${(bytes / 1e6).toFixed(2)} MB | ${first.ms.toFixed(0)} | ${median(runs).toFixed(0)} | ${Math.max(...runs).toFixed(0)} |`;
      console.log(line);
      lines.push(line);
    }
    const rss = peakRssMb(app.pid);
    const table = [
      runLine(
        `${assessed} students assessed (2 semesters each, built in SQL in ${seedMs} ms; training ${trainMs} ms), ${atRisk} at risk; ` +
          `${REPEATS} sequential requests each, timed to the last byte; app peak RSS during the lists ${rss} MB (the app runs with --max-old-space-size=256); ${loadBefore} before the lists, ${load()} after.`,
      ),
      '',
      '| request | rows answered | body | first (ms) | median (ms) | max (ms) |',
      '|---|---:|---:|---:|---:|---:|',
      ...lines,
    ].join('\n');
    writeSection('WARNING', table);
  } finally {
    await app.stop();
  }
}

runBench(main);
