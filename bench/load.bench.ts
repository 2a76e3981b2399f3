/**
 * `npm run bench`: starts the built app on its own embedded PostgreSQL, seeds a demo school, then runs
 * the load scenarios with autocannon (load generator on the same machine) and the one-shot timings,
 * and writes the results table to bench/results/ and BENCHMARKS.md (between the LOAD markers).
 *
 * Every measured request carries an X-Request-Id; after each run the bench counts the event rows
 * written for them and fails (exit 1) when any request answered at 500 connections has no row.
 *
 * Settings (env): BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (5), BENCH_RUNS (1; medians over runs),
 * BENCH_CONNECTIONS ("50,500"), BENCH_STUDENTS (2000), BENCH_BIG (1: also batch 10k / train 100k / export 100k).
 */
import { SUBJECT_FIELDS } from '../src/nilai/nilai-subjects';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { type LoadRequest, type LoadResult, median, runAutocannon } from './lib/autocannon-run';
import { type BenchApp, peakRssMb, resetPeakRss, ROOT, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { type ApiClient, createApiClient } from './lib/api-client';
import { eventRowsFor } from './lib/event-rows';
import { seedForBench, type SeedInfo } from './lib/seed';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,500').split(',').map(Number);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 2000);
const BIG = process.env.BENCH_BIG !== '0';
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

interface Row {
  scenario: string;
  connections: number | '—';
  rps: number | '—';
  p50: number | string;
  p99: number | string;
  errors: number;
  timeouts: number;
  non2xx: number;
  peakRssMb: number;
  statuses?: Record<string, number>;
  /** Requests answered vs event rows written for them, summed over the measured runs. */
  answered?: number;
  eventRows?: number;
  eventRowsLost?: number;
}

type Scenario = { name: string; next: (seed: SeedInfo) => () => LoadRequest; headers: 'admin' | 'none' };

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

const SCENARIOS: Scenario[] = [
  {
    name: 'POST /api/auth/login',
    headers: 'none',
    next: () => () => ({ method: 'POST', path: '/api/auth/login', body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) }),
  },
  { name: 'GET /api/siswa?limit=10', headers: 'admin', next: () => () => ({ method: 'GET', path: '/api/siswa?limit=10' }) },
  {
    name: 'GET /api/siswa/{id}',
    headers: 'admin',
    next: (seed) => () => ({ method: 'GET', path: `/api/siswa/${pick(seed.siswaIds)}` }),
  },
  {
    name: 'POST /api/nilai',
    headers: 'admin',
    next: (seed) => () => {
      // Unique (siswa, semester, tahun_ajaran) across every run: students × semesters × school years
      // from 2030 on (tahun_ajaran must stay within 2000–2100; the demo school's years are earlier).
      const i = seed.sequence++;
      const siswaId = seed.siswaIds[i % seed.siswaIds.length]!;
      const round = Math.floor(i / seed.siswaIds.length);
      const year = 2030 + Math.floor(round / 2);
      if (year >= 2100) throw new Error('the bench ran out of school years for unique nilai keys: use more students');
      const scores = Object.fromEntries(SUBJECTS.map((s) => [s, 60 + ((i * 7 + s.length) % 40)]));
      const body = { siswa_id: siswaId, semester: round % 2 ? 'Genap' : 'Ganjil', tahun_ajaran: `${year}/${year + 1}`, ...scores };
      return { method: 'POST', path: '/api/nilai', body: JSON.stringify(body) };
    },
  },
  {
    name: 'POST /api/prediksi (single)',
    headers: 'admin',
    next: (seed) => () => ({
      method: 'POST',
      path: '/api/prediksi',
      body: JSON.stringify({ siswa_id: pick(seed.siswaIds), semester: seed.semester, tahun_ajaran: seed.tahunAjaran }),
    }),
  },
];

const SUBJECTS = SUBJECT_FIELDS;

async function loadScenario(app: BenchApp, api: ApiClient, seed: SeedInfo, scenario: Scenario, connections: number): Promise<Row> {
  const headers: Record<string, string> = scenario.headers === 'admin' ? { authorization: `Bearer ${api.token}` } : {};
  const results: LoadResult[] = [];
  let peak = 0;
  let answered = 0;
  let eventRows = 0;
  let eventRowsLost = 0;
  for (let run = 0; run < RUNS; run++) {
    await runAutocannon({ baseUrl: app.baseUrl, connections, seconds: WARMUP, headers, next: scenario.next(seed) });
    resetPeakRss(app.pid);
    // Every measured request is tagged, so its event row can be counted: zero rows may be lost.
    const prefix = `bench-${Date.now().toString(36)}-${connections}-${run}`;
    const result = await runAutocannon({
      baseUrl: app.baseUrl,
      connections,
      seconds: SECONDS,
      headers,
      next: scenario.next(seed),
      requestIdPrefix: prefix,
    });
    results.push(result);
    peak = Math.max(peak, peakRssMb(app.pid));
    const rows = await eventRowsFor(app.databaseUrl, prefix, result.answered);
    answered += result.answered;
    eventRows += rows;
    // More rows than answers is normal (requests still in flight when autocannon stopped were served).
    eventRowsLost += Math.max(0, result.answered - rows);
  }
  const row: Row = {
    scenario: scenario.name,
    connections,
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    errors: Math.max(...results.map((r) => r.errors)),
    timeouts: Math.max(...results.map((r) => r.timeouts)),
    non2xx: Math.max(...results.map((r) => r.non2xx)),
    peakRssMb: peak,
    statuses: results[results.length - 1]?.statuses,
    answered,
    eventRows,
    eventRowsLost,
  };
  console.log(JSON.stringify(row));
  return row;
}

/**
 * Waits until the app answers a small authenticated read quickly: requests a scenario abandoned
 * (autocannon's 10 s timeout) are still being worked off — 500 queued logins hold the pool for long
 * after their clients left — and would otherwise be measured as the next scenario's latency.
 */
async function settle(app: BenchApp, api: ApiClient, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quickInARow = 0;
  while (quickInARow < 3 && Date.now() < deadline) {
    const t0 = performance.now();
    const ok = await fetch(`${app.baseUrl}/api/siswa/count`, {
      headers: { authorization: `Bearer ${api.token}` },
      signal: AbortSignal.timeout(30_000),
    })
      .then((r) => r.ok)
      .catch(() => false);
    quickInARow = ok && performance.now() - t0 < 200 ? quickInARow + 1 : 0;
    if (quickInARow < 3) await new Promise((r) => setTimeout(r, 500));
  }
}

async function oneShot(app: BenchApp, name: string, action: () => Promise<void>, repeats = 3): Promise<Row> {
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < repeats; i++) {
    resetPeakRss(app.pid);
    const t0 = performance.now();
    await action();
    times.push(performance.now() - t0);
    peak = Math.max(peak, peakRssMb(app.pid));
  }
  const row: Row = {
    scenario: name,
    connections: '—',
    rps: '—',
    p50: `${Math.round(median(times))} ms (median of ${repeats})`,
    p99: `${Math.round(Math.max(...times))} ms (max)`,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    peakRssMb: peak,
  };
  console.log(JSON.stringify(row));
  return row;
}

function table(rows: Row[]): string {
  const head =
    '| scenario | connections | req/s | p50 (ms) | p99 (ms) | errors | timeouts | non-2xx | answered / event rows (lost) | app peak RSS (MB) |\n|---|---|---|---|---|---|---|---|---|---|';
  const events = (r: Row): string => (r.answered === undefined ? '—' : `${r.answered} / ${r.eventRows} (${r.eventRowsLost})`);
  const non2xx = (r: Row): string => {
    const other = Object.entries(r.statuses ?? {}).filter(([code]) => !code.startsWith('2'));
    return other.length ? `${r.non2xx} (${other.map(([code, n]) => `${code}×${n}`).join(', ')})` : String(r.non2xx);
  };
  return [
    head,
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.timeouts} | ${non2xx(r)} | ${events(r)} | ${r.peakRssMb} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const started = new Date();
  console.log(`Starting the app (demo school of ${STUDENTS} students)…`);
  const app = await startBenchApp({
    ADMIN_PASSWORD,
    DEMO_DATA: 'true',
    DEMO_STUDENTS: String(STUDENTS),
    LOGIN_MAX_FAILURES_PER_IP: '100000',
  });
  const rows: Row[] = [];
  try {
    const api = await createApiClient(app.baseUrl, 'admin', ADMIN_PASSWORD);
    const seed = await seedForBench(api);
    for (const scenario of SCENARIOS) {
      for (const connections of CONNECTIONS) {
        await settle(app, api);
        rows.push(await loadScenario(app, api, seed, scenario, connections));
      }
    }
    if (BIG) {
      await api.ensureStudents(10_000);
      rows.push(await oneShot(app, `POST /api/prediksi/batch (${await api.countStudentsWithData(seed)} students)`, () => api.batch(seed)));
      await api.ensureLabelledRows(100_000);
      rows.push(await oneShot(app, `POST /api/prediksi/train (${await api.labelledRows()} labelled rows)`, () => api.train(), 3));
      rows.push(await oneShot(app, `GET /api/nilai/export/excel (${await api.nilaiRows()} rows)`, () => api.exportNilai(), 3));
    }
  } finally {
    await app.stop();
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const header = `Run ${started.toISOString()} on ${machine}; ${SECONDS} s per scenario after a ${WARMUP} s warm-up, medians of ${RUNS} run(s); load generator on the same machine.`;
  const markdown = `${header}\n\n${table(rows)}\n`;
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(ROOT, 'bench', 'results', `load-${stamp}.json`), JSON.stringify({ started, machine, rows }, null, 2));
  const file = join(ROOT, 'BENCHMARKS.md');
  let doc: string;
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  const block = `<!-- LOAD:BEGIN -->\n${markdown}<!-- LOAD:END -->`;
  doc = /<!-- LOAD:BEGIN -->[\s\S]*<!-- LOAD:END -->/.test(doc)
    ? doc.replace(/<!-- LOAD:BEGIN -->[\s\S]*<!-- LOAD:END -->/, block)
    : `${doc.trimEnd()}\n\n## Load (npm run bench)\n\n${block}\n`;
  writeFileSync(file, doc);
  console.log(`\n${markdown}`);
  // The event-log target: every request answered at 500 connections has its row, in every scenario.
  const losing = rows.filter((r) => r.connections === 500 && (r.eventRowsLost ?? 0) > 0);
  if (losing.length > 0) {
    console.error(`Event rows lost at 500 connections: ${losing.map((r) => `${r.scenario} (${r.eventRowsLost})`).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('Event log: zero rows lost at 500 connections in every scenario.');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
