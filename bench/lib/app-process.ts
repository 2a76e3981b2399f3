import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startNodeFlags } from '../../scripts/start-command';

export const ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => res(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface BenchApp {
  child: ChildProcess;
  baseUrl: string;
  /** The embedded PostgreSQL the app started (the bench reads event_log there). */
  databaseUrl: string;
  pid: number;
  stop(): Promise<number | null>;
}

/** The first admin's password in every benchmark (it must pass the password policy: no username in it, not a common one). */
export const BENCH_ADMIN_PASSWORD = 'Kunci-Bangku-Sekolah-2026';

/** Builds if needed and starts `node dist/src/main.js` on its own embedded PostgreSQL data directory. */
export async function startBenchApp(env: Record<string, string>): Promise<BenchApp> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const parent = mkdtempSync(join(tmpdir(), 'edupro-bench-'));
  chmodSync(parent, 0o755);
  const port = await freePort();
  const pgPort = await freePort();
  const logFile = join(parent, 'app.log');
  writeFileSync(logFile, '');
  const { DATABASE_URL: _drop, ...inherited } = process.env;
  // Exactly what `npm start` runs (package.json): its heap flags keep RSS in check under load.
  // BENCH_APP_NODE_ARGS adds node flags for profiling, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const extra = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...startNodeFlags(), ...extra, join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      // The production default: one JSON line per request, written to a file as a log shipper would read.
      LOG_LEVEL: 'info',
      PORT: String(port),
      EMBEDDED_PG_DATA_DIR: join(parent, 'postgres'),
      EMBEDDED_PG_PORT: String(pgPort),
      ...env,
    },
    stdio: ['ignore', openSync(logFile, 'a'), openSync(logFile, 'a')],
  });
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  const deadline = Date.now() + 300_000;
  while (!/listening on/.test(readFileSync(logFile, 'utf8'))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`app did not start:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    // src/database/embedded-postgres.ts: user postgres, password edupro; the app's database is edupro.
    databaseUrl: `postgres://postgres:edupro@127.0.0.1:${pgPort}/edupro`,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Peak resident memory (VmHWM) of a process in MB, since the last reset. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** Resets VmHWM (Linux: writing 5 to clear_refs), so each scenario reports its own peak. */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not permitted on some kernels; the peak then covers the whole run, which the table says.
  }
}
