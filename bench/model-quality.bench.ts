/**
 * `npm run bench:model-quality`: what the model-quality routes cost on a large school (10,000
 * students, 40,000 labelled student-semesters by default): training (now also recording row digests,
 * fairness and calibration), the staleness comparison (every labelled row, one query), the cached
 * `stale` flag of model-metrics, a /metrics scrape, compare (two tree walks per row) and a forced
 * champion/challenger retraining. Sequential requests against the built app (production settings,
 * embedded PostgreSQL); writes the table to BENCHMARKS.md between the MODEL-QUALITY markers.
 *
 * Settings (env): BENCH_MQ_STUDENTS (10000), BENCH_MQ_REPEATS (10).
 */
import { peakRssMb, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { publishTable, runBench } from './lib/report';
import { createApiClient } from './lib/api-client';

const STUDENTS = Number(process.env.BENCH_MQ_STUDENTS ?? 10_000);
const REPEATS = Number(process.env.BENCH_MQ_REPEATS ?? 10);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

async function timed(baseUrl: string, method: 'GET' | 'POST', path: string, token?: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: method === 'POST' ? JSON.stringify({ force: true }) : undefined,
    signal: AbortSignal.timeout(600_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const app = await startBenchApp({ ADMIN_PASSWORD, DEMO_DATA: 'false', RATE_LIMIT_TRAIN: '0' });
  try {
    const api = await createApiClient(app.baseUrl, 'admin', ADMIN_PASSWORD);
    await api.ensureStudents(STUDENTS);
    const rows = await api.labelledRows();
    const lines: string[] = [];
    const row = async (
      what: string,
      method: 'GET' | 'POST',
      path: string,
      repeats: number,
      token: string | undefined = api.token,
    ): Promise<void> => {
      const ms: number[] = [];
      for (let i = 0; i < repeats; i++) ms.push(await timed(app.baseUrl, method, path, token));
      const line = `| ${what} | ${repeats} | ${median(ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} |`;
      console.log(line);
      lines.push(line);
    };
    const trainStarted = process.hrtime.bigint();
    await api.train();
    lines.push(
      `| \`POST /api/prediksi/train\` (tree, 10-fold CV, fairness, calibration, row digests) | 1 | ${(Number(process.hrtime.bigint() - trainStarted) / 1e6).toFixed(0)} | |`,
    );
    await row(
      '`GET /api/prediksi/models/active/status` (compares every labelled row)',
      'GET',
      '/api/prediksi/models/active/status',
      REPEATS,
    );
    await row('`GET /api/prediksi/model-metrics` (cached `stale`)', 'GET', '/api/prediksi/model-metrics', REPEATS);
    await row('`GET /metrics` (cached gauge)', 'GET', '/metrics', REPEATS, undefined);
    await row('`GET /api/prediksi/models/compare?a=1&b=1`', 'GET', '/api/prediksi/models/compare?a=1&b=1', 3);
    await row('`GET /api/prediksi/models/1/fairness`', 'GET', '/api/prediksi/models/1/fairness', REPEATS);
    await row('`POST /api/prediksi/retrain-if-stale` `{force: true}`', 'POST', '/api/prediksi/retrain-if-stale', 1);
    publishTable(
      'MODEL-QUALITY',
      `${STUDENTS} students, ${rows} labelled rows; sequential requests; app peak RSS ${peakRssMb(app.pid)} MB.`,
      ['request', 'runs', 'median (ms)', 'max (ms)'],
      lines,
    );
  } finally {
    await app.stop();
  }
}

runBench(main);
