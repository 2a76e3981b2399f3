/**
 * `npm run bench:upload`: 100,000-row uploads (all-or-nothing import) of a CSV and an .xlsx with
 * shared strings, against the built app run exactly as `npm start` runs it (production mode,
 * `--max-old-space-size=256`) on its own embedded PostgreSQL: siswa (`POST /api/siswa/upload/excel`)
 * and nilai (`POST /api/nilai/upload/excel`, students named by NIS, eleven number columns). Per
 * domain and format: a dry run (read and validate only) and an import, each repeated
 * UPLOAD_BENCH_REPS times (default 3, fresh NIS / school year every time); wall time, rows/s, the
 * app's CPU seconds (its own process and reader worker thread, from /proc: on a shared machine the
 * fairer comparison) and rows per CPU-second, peak RSS (VmHWM reset before each upload) and the p99
 * of a `/health` probe sent every 50 ms during the upload. Prints a Markdown table for BENCHMARKS.md.
 * UPLOAD_BENCH_ROWS changes the row count; UPLOAD_BENCH_ONLY=siswa-csv,nilai-xlsx,… picks cases.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { peakRssMb, resetPeakRss, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { serverCpuSeconds } from './lib/cpu-time';
import { nilaiCsv, nilaiXlsx } from './lib/upload-bench-files';
import { multipart, siswaCsv, siswaXlsx } from '../test/faults/support/upload-files';

const ROWS = Number(process.env.UPLOAD_BENCH_ROWS ?? 100_000);
const REPS = Number(process.env.UPLOAD_BENCH_REPS ?? 3);
const ONLY = process.env.UPLOAD_BENCH_ONLY?.split(',').filter(Boolean);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

type Domain = 'siswa' | 'nilai';
type Format = 'csv' | 'xlsx';

async function main(): Promise<void> {
  const app = await startBenchApp({ DEMO_DATA: 'false', ADMIN_PASSWORD, UPLOAD_LIMIT_BYTES: String(16 * 1024 * 1024) });
  try {
    const login = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;

    async function measure(domain: Domain, file: Buffer, name: string, query: string): Promise<{ ms: number; cpu: number; rss: number; health: number }> {
      const probes: Array<Promise<number>> = [];
      const timer = setInterval(() => {
        const t = performance.now();
        probes.push(fetch(`${app.baseUrl}/health`).then(async (r) => (await r.arrayBuffer(), performance.now() - t)));
      }, 50);
      resetPeakRss(app.pid);
      const { body, contentType } = multipart(file, name);
      const cpuBefore = serverCpuSeconds(app.pid);
      const started = performance.now();
      const res = await fetch(`${app.baseUrl}/api/${domain}/upload/excel${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
        signal: AbortSignal.timeout(600_000),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      const cpu = serverCpuSeconds(app.pid) - cpuBefore;
      clearInterval(timer);
      const health = p99(await Promise.all(probes));
      if (res.status !== 200) throw new Error(`${domain} ${name}${query}: ${res.status} ${text.slice(0, 300)}`);
      return { ms, cpu, rss: peakRssMb(app.pid), health };
    }

    let run = 0;
    // The students the nilai uploads name (by NIS): imported once, before the first nilai case.
    let students: string | undefined;
    async function ensureStudents(): Promise<string> {
      if (students) return students;
      const prefix = `N${Date.now().toString(36).slice(-4)}`;
      await measure('siswa', siswaCsv(ROWS, prefix), 'siswa.csv', '');
      return (students = prefix);
    }
    async function fileFor(domain: Domain, format: Format): Promise<Buffer> {
      const n = run++;
      if (domain === 'siswa') {
        const prefix = `B${n.toString(36)}${Date.now().toString(36).slice(-3)}`;
        return format === 'csv' ? siswaCsv(ROWS, prefix) : siswaXlsx(ROWS, prefix);
      }
      const nis = await ensureStudents();
      const tahunAjaran = `${2000 + n}/${2001 + n}`;
      return format === 'csv' ? nilaiCsv(ROWS, nis, tahunAjaran) : nilaiXlsx(ROWS, nis, tahunAjaran);
    }

    const lines = [
      `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of ${REPS}.`,
      '',
      `| upload (${ROWS.toLocaleString('en')} rows) | file | time (s) | rows/s | app CPU (s) | rows per CPU-s | app peak RSS (MB) | /health p99 during (ms) |`,
      '|---|---|---|---|---|---|---|---|',
    ];
    for (const domain of ['siswa', 'nilai'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        if (ONLY && !ONLY.includes(`${domain}-${format}`)) continue;
        for (const [label, query] of [
          ['dry run (read + validate)', '?dry_run=true'],
          ['import', ''],
        ] as const) {
          const results = [];
          let size = 0;
          for (let i = 0; i < REPS; i++) {
            const file = await fileFor(domain, format);
            size = file.length;
            results.push(await measure(domain, file, `${domain}.${format}`, query));
            const last = results.at(-1)!;
            console.error(`${domain} ${format} ${label} #${i + 1}: ${Math.round(last.ms)} ms, ${last.cpu.toFixed(2)} CPU-s`);
          }
          const ms = median(results.map((r) => r.ms));
          const cpu = median(results.map((r) => r.cpu));
          lines.push(
            `| ${domain} ${format} ${label} | ${(size / 2 ** 20).toFixed(1)} MB | ${(ms / 1000).toFixed(1)} | ${Math.round(ROWS / (ms / 1000))} | ${cpu.toFixed(2)} | ${Math.round(ROWS / cpu)} | ${Math.max(...results.map((r) => r.rss))} | ${Math.round(median(results.map((r) => r.health)))} |`,
          );
        }
      }
    }
    console.log(lines.join('\n'));
  } finally {
    await app.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
