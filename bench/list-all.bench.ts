/**
 * `npm run bench:list`: a list without `limit` as the web client sends it, on a school with at least
 * 10,000 nilai rows (API.md §1: every row up to LIST_MAX_LIMIT). Sequential requests against the
 * built app (`node dist/src/main.js`, production settings, embedded PostgreSQL), timed to the last
 * byte of the body; prints medians and p95 and writes them to BENCHMARKS.md (between the LIST markers).
 *
 * Settings (env): BENCH_LIST_ROWS (10000), BENCH_LIST_REPEATS (30).
 */
import { peakRssMb, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { createApiClient } from './lib/api-client';
import { quantile, runLine, writeSection } from './lib/report';

const ROWS = Number(process.env.BENCH_LIST_ROWS ?? 10_000);
const REPEATS = Number(process.env.BENCH_LIST_REPEATS ?? 30);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

async function timeGet(baseUrl: string, path: string, token: string): Promise<{ ms: number; bytes: number; rows: number }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 500)}`);
  return { ms, bytes: Buffer.byteLength(text), rows: (JSON.parse(text) as unknown[]).length };
}

async function main(): Promise<void> {
  const app = await startBenchApp({ ADMIN_PASSWORD, DEMO_DATA: 'true', DEMO_STUDENTS: String(Math.ceil(ROWS / 4)) });
  try {
    const api = await createApiClient(app.baseUrl, 'admin', ADMIN_PASSWORD);
    while ((await api.nilaiRows()) < ROWS) await api.post('/api/prediksi/generate-dummy-data?count=500');
    const total = await api.nilaiRows();
    const lines: string[] = [];
    for (const path of ['/api/nilai', '/api/siswa', '/api/nilai?limit=100']) {
      for (let i = 0; i < 3; i++) await timeGet(app.baseUrl, path, api.token); // warm-up
      const runs: Array<{ ms: number; bytes: number; rows: number }> = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await timeGet(app.baseUrl, path, api.token));
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
      const line = `| \`GET ${path}\` | ${runs[0]!.rows} | ${(runs[0]!.bytes / 1e6).toFixed(2)} MB | ${quantile(ms, 0.5).toFixed(0)} | ${quantile(ms, 0.95).toFixed(0)} | ${ms[ms.length - 1]!.toFixed(0)} |`;
      console.log(line);
      lines.push(line);
    }
    const rss = peakRssMb(app.pid);
    const table = [
      runLine(`${total} nilai rows; ${REPEATS} sequential requests after 3 warm-ups, timed to the last byte; app peak RSS ${rss} MB.`),
      '',
      '| request | rows | body | p50 (ms) | p95 (ms) | max (ms) |',
      '|---|---:|---:|---:|---:|---:|',
      ...lines,
    ].join('\n');
    writeSection('LIST', table);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
