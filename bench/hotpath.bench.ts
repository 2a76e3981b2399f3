/**
 * `npm run bench`: the hot path against the stack's ceiling (issue #15). Starts the built app exactly as
 * production runs it (NODE_ENV=production, JSON request log at info to a file, event log and metrics
 * on, `--max-old-space-size=256`) on an embedded PostgreSQL with a demo school, the reference server
 * (bench/reference-server.ts: plain Fastify + pg, no Nest, no logging) on the same database and —
 * unless BENCH_CLUSTER=0 — a second app with WEB_CONCURRENCY=2 on that database too. One native load
 * generator (wrk, so Node's cores stay the servers') measures each in turn, interleaved (A R C A R C …),
 * for BENCH_ROUNDS rounds; the table holds medians, and the ratios app ÷ reference are printed and
 * written to BENCHMARKS.md (between the HOTPATH markers) and bench/results/.
 *
 * Settings (env): BENCH_SECONDS (15), BENCH_WARMUP_SECONDS (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (50),
 * BENCH_STUDENTS (2000), BENCH_CLUSTER (1), WRK_BIN (/usr/bin/wrk). The autocannon scenarios (login,
 * writes, 500 connections, event rows per request) are `npm run bench:load`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApiClient } from './lib/api-client';
import { type BenchApp, freePort, ROOT, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { median } from './lib/autocannon-run';
import { seedForBench } from './lib/seed';
import { serverCpuSeconds } from './lib/cpu-time';
import { requireWrk, runWrk, type WrkResult } from './lib/wrk-run';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 2000);
const CLUSTER = process.env.BENCH_CLUSTER !== '0';
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const TARGETS = { siswaRatio: 0.5, siswaP99Ms: 50, prediksiRatio: 0.25 };

interface Target {
  name: string;
  baseUrl: string;
  pid: number;
  /** Scenarios this target serves (the reference has only GET /siswa/{id}). */
  scenarios: Array<'siswa' | 'prediksi'>;
}

interface Cell {
  target: string;
  scenario: 'siswa' | 'prediksi';
  runs: Array<WrkResult & { cpuMsPerRequest: number }>;
}

const SCENARIO_LABEL = { siswa: 'GET /api/siswa/{id}', prediksi: 'POST /api/prediksi (single)' } as const;
const SCRIPT = { siswa: 'siswa-by-id', prediksi: 'prediksi-single' } as const;

async function startReference(databaseUrl: string): Promise<{ baseUrl: string; child: ChildProcess; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'reference-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { baseUrl: `http://127.0.0.1:${port}`, child, pid: child.pid ?? 0, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

function summarize(cell: Cell): { rps: number; p50: number; p99: number; cpuMs: number; non2xx: number; socketErrors: number } {
  return {
    cpuMs: Math.round(median(cell.runs.map((r) => r.cpuMsPerRequest)) * 1000) / 1000,
    rps: Math.round(median(cell.runs.map((r) => r.rps))),
    p50: Math.round(median(cell.runs.map((r) => r.p50Ms)) * 10) / 10,
    p99: Math.round(median(cell.runs.map((r) => r.p99Ms)) * 10) / 10,
    non2xx: Math.max(...cell.runs.map((r) => r.non2xx)),
    socketErrors: Math.max(...cell.runs.map((r) => r.socketErrors)),
  };
}

function table(cells: Cell[], ceiling: { rps: number; cpuMs: number }): string {
  const head =
    '| server | scenario | req/s (median) | p50 (ms) | p99 (ms) | req/s ÷ ceiling | server CPU ms / request | ceiling CPU ÷ this | non-2xx | socket errors | req/s of each round |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const rows = cells.map((c) => {
    const s = summarize(c);
    return `| ${c.target} | ${SCENARIO_LABEL[c.scenario]} | ${s.rps} | ${s.p50} | ${s.p99} | ${(s.rps / ceiling.rps).toFixed(2)}× | ${s.cpuMs} | ${(ceiling.cpuMs / s.cpuMs).toFixed(2)}× | ${s.non2xx} | ${s.socketErrors} | ${c.runs.map((r) => r.rps).join(', ')} |`;
  });
  return [head, ...rows].join('\n');
}

async function main(): Promise<void> {
  requireWrk();
  const started = new Date();
  const load = loadavg()[0]!.toFixed(2);
  console.log(`Starting the app (demo school of ${STUDENTS} students)…`);
  const base = { ADMIN_PASSWORD, JWT_SECRET, DEMO_DATA: 'true', DEMO_STUDENTS: String(STUDENTS) };
  const app = await startBenchApp(base);
  const stops: Array<() => Promise<unknown>> = [() => app.stop()];
  const cells: Cell[] = [];
  try {
    const api = await createApiClient(app.baseUrl, 'admin', ADMIN_PASSWORD);
    const seed = await seedForBench(api);
    const reference = await startReference(app.databaseUrl);
    stops.unshift(() => reference.stop());
    const targets: Target[] = [
      { name: 'app (1 process)', baseUrl: app.baseUrl, pid: app.pid, scenarios: ['siswa', 'prediksi'] },
      { name: 'reference (ceiling)', baseUrl: reference.baseUrl, pid: reference.pid, scenarios: ['siswa'] },
    ];
    if (CLUSTER) {
      const cluster: BenchApp = await startBenchApp({ ...base, DATABASE_URL: app.databaseUrl, WEB_CONCURRENCY: '2' });
      stops.unshift(() => cluster.stop());
      targets.push({ name: 'app (WEB_CONCURRENCY=2)', baseUrl: cluster.baseUrl, pid: cluster.pid, scenarios: ['siswa', 'prediksi'] });
    }
    const env = {
      BENCH_IDS: seed.siswaIds.join(','),
      BENCH_TOKEN: api.token,
      BENCH_SEMESTER: seed.semester,
      BENCH_TAHUN_AJARAN: seed.tahunAjaran,
    };
    for (const target of targets) {
      for (const scenario of target.scenarios) {
        cells.push({ target: target.name, scenario, runs: [] });
        // Warm-up: JIT, prepared statements, pool connections; not measured.
        await runWrk({ baseUrl: target.baseUrl, script: SCRIPT[scenario], connections: CONNECTIONS, seconds: WARMUP, env });
      }
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of ['siswa', 'prediksi'] as const) {
        for (const target of targets.filter((t) => t.scenarios.includes(scenario))) {
          const cpuBefore = serverCpuSeconds(target.pid);
          const measured = await runWrk({
            baseUrl: target.baseUrl,
            script: SCRIPT[scenario],
            connections: CONNECTIONS,
            seconds: SECONDS,
            env,
          });
          const cpuMsPerRequest = Math.round(((serverCpuSeconds(target.pid) - cpuBefore) * 1e6) / Math.max(1, measured.requests)) / 1000;
          const result = { ...measured, cpuMsPerRequest };
          cells.find((c) => c.target === target.name && c.scenario === scenario)!.runs.push(result);
          console.log(JSON.stringify({ round, target: target.name, scenario, ...result }));
        }
      }
    }
  } finally {
    for (const stop of stops) await stop();
  }
  report(started, load, cells);
}

function report(started: Date, load: string, cells: Cell[]): void {
  const of = (target: string, scenario: Cell['scenario']) => summarize(cells.find((c) => c.target === target && c.scenario === scenario)!);
  const reference = of('reference (ceiling)', 'siswa');
  const ceiling = reference.rps;
  const siswa = of('app (1 process)', 'siswa');
  const prediksi = of('app (1 process)', 'prediksi');
  const siswaRatio = siswa.rps / ceiling;
  const prediksiRatio = prediksi.rps / ceiling;
  const met = (ok: boolean): string => (ok ? 'met' : '**missed**');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const lines = [
    `Run ${started.toISOString()} on ${machine} (load average ${load} at start; above the core count means other work shared the machine);`,
    `wrk ${CONNECTIONS} connections, 2 threads, ${SECONDS} s per measurement after a ${WARMUP} s warm-up, ${ROUNDS} interleaved rounds, medians.`,
    '',
    table(cells, reference),
    '',
    `Reference ratio: GET /api/siswa/{id} ${siswaRatio.toFixed(2)}× the ceiling (target ≥ ${TARGETS.siswaRatio}×: ${met(siswaRatio >= TARGETS.siswaRatio)}), p99 ${siswa.p99} ms (target < ${TARGETS.siswaP99Ms} ms: ${met(siswa.p99 < TARGETS.siswaP99Ms)});`,
    `single prediction ${prediksiRatio.toFixed(2)}× the ceiling (target ≥ ${TARGETS.prediksiRatio}×: ${met(prediksiRatio >= TARGETS.prediksiRatio)}).`,
    `By CPU per request (what the shared machine's load distorts least): GET ${(reference.cpuMs / siswa.cpuMs).toFixed(2)}×, prediction ${(reference.cpuMs / prediksi.cpuMs).toFixed(2)}× the ceiling's.`,
  ];
  const markdown = `${lines.join('\n')}\n`;
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(ROOT, 'bench', 'results', `hotpath-${stamp}.json`), JSON.stringify({ started, machine, load, cells }, null, 2));
  const file = join(ROOT, 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const block = `<!-- HOTPATH:BEGIN -->\n${markdown}<!-- HOTPATH:END -->`;
  const marker = /<!-- HOTPATH:BEGIN -->[\s\S]*<!-- HOTPATH:END -->/;
  writeFileSync(
    file,
    marker.test(doc) ? doc.replace(marker, block) : `${doc.trimEnd()}\n\n## The hot path against the ceiling (npm run bench)\n\n${block}\n`,
  );
  console.log(`\n${markdown}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
