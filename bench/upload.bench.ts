/**
 * `npm run bench:upload`: 100,000-row uploads (siswa, all-or-nothing import) of a CSV and an .xlsx
 * with shared strings, against the built app run exactly as `npm start` runs it (production mode,
 * `--max-old-space-size=256`) on its own embedded PostgreSQL. Per format: a dry run (read and
 * validate only) and an import, each repeated UPLOAD_BENCH_REPS times (default 3, fresh NIS every
 * time); wall time, rows/s, the app's peak RSS (VmHWM reset before each upload) and the p99 of a
 * `/health` probe sent every 50 ms during the upload. Prints a Markdown table for BENCHMARKS.md.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { peakRssMb, resetPeakRss, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { multipart, siswaCsv, siswaXlsx } from '../test/faults/support/upload-files';

const ROWS = 100_000;
const REPS = Number(process.env.UPLOAD_BENCH_REPS ?? 3);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

async function main(): Promise<void> {
  const app = await startBenchApp({ DEMO_DATA: 'false', ADMIN_PASSWORD, UPLOAD_LIMIT_BYTES: String(8 * 1024 * 1024) });
  try {
    const login = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;

    async function measure(file: Buffer, name: string, query: string): Promise<{ ms: number; rss: number; health: number }> {
      const probes: Array<Promise<number>> = [];
      const timer = setInterval(() => {
        const t = performance.now();
        probes.push(fetch(`${app.baseUrl}/health`).then(async (r) => (await r.arrayBuffer(), performance.now() - t)));
      }, 50);
      resetPeakRss(app.pid);
      const { body, contentType } = multipart(file, name);
      const started = performance.now();
      const res = await fetch(`${app.baseUrl}/api/siswa/upload/excel${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        body,
        signal: AbortSignal.timeout(600_000),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      clearInterval(timer);
      const health = p99(await Promise.all(probes));
      if (res.status !== 200) throw new Error(`${name}${query}: ${res.status} ${text.slice(0, 300)}`);
      return { ms, rss: peakRssMb(app.pid), health };
    }

    const lines = [
      `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of ${REPS}.`,
      '',
      '| upload (siswa, 100,000 rows) | file | time (s) | rows/s | app peak RSS (MB) | /health p99 during (ms) |',
      '|---|---|---|---|---|---|',
    ];
    let run = 0;
    for (const format of ['csv', 'xlsx'] as const) {
      for (const [label, query] of [
        ['dry run (read + validate)', '?dry_run=true'],
        ['import', ''],
      ] as const) {
        const results = [];
        let size = 0;
        for (let i = 0; i < REPS; i++) {
          const prefix = `B${(run++).toString(36)}${Date.now().toString(36).slice(-3)}`;
          const file = format === 'csv' ? siswaCsv(ROWS, prefix) : await siswaXlsx(ROWS, prefix);
          size = file.length;
          results.push(await measure(file, `siswa.${format}`, query));
          console.error(`${format} ${label} #${i + 1}: ${Math.round(results.at(-1)!.ms)} ms`);
        }
        const ms = median(results.map((r) => r.ms));
        lines.push(
          `| ${format} ${label} | ${(size / 2 ** 20).toFixed(1)} MB | ${(ms / 1000).toFixed(1)} | ${Math.round(ROWS / (ms / 1000))} | ${Math.max(...results.map((r) => r.rss))} | ${Math.round(median(results.map((r) => r.health)))} |`,
        );
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
