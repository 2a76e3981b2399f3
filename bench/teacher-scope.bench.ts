/**
 * `npm run bench:scope`: what GURU_SCOPE=class costs a request. The built app (production settings,
 * embedded PostgreSQL) with the demo school plus generated students (at least BENCH_SCOPE_ROWS nilai
 * rows); a guru made wali kelas of one active-year rombel and matematika teacher of another. The same
 * requests, sequentially, as admin (no scope) and as that guru (the scope's sub-query), timed to the
 * last byte; medians and p95 go to BENCHMARKS.md between the SCOPE markers.
 *
 * Settings (env): BENCH_SCOPE_ROWS (10000), BENCH_SCOPE_REPEATS (30).
 */
import { createApiClient } from './lib/api-client';
import { peakRssMb, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { quantile, runLine, writeSection } from './lib/report';

const ROWS = Number(process.env.BENCH_SCOPE_ROWS ?? 10_000);
const REPEATS = Number(process.env.BENCH_SCOPE_REPEATS ?? 30);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;
const GURU = { username: 'bench_scope_guru', password: 'Sandi-Bench-Kelas-77!' };
const PATHS = ['/api/nilai', '/api/nilai?limit=100', '/api/siswa/count', '/api/prediksi/feature-statistics'];

async function send(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<Response> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** Median and p95 of REPEATS sequential GETs (after 3 warm-ups), and the X-Total-Count or row count of the answer. */
async function timeGet(baseUrl: string, token: string, path: string): Promise<{ p50: number; p95: number; rows: string }> {
  let rows = '';
  const ms: number[] = [];
  for (let i = 0; i < REPEATS + 3; i++) {
    const started = process.hrtime.bigint();
    const res = await send(baseUrl, token, 'GET', path);
    const text = await res.text();
    if (i >= 3) ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    rows = res.headers.get('x-total-count') ?? (text.length < 80 ? text : `${(text.length / 1e3).toFixed(0)} kB`);
  }
  ms.sort((a, b) => a - b);
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), rows };
}

async function main(): Promise<void> {
  const app = await startBenchApp({ ADMIN_PASSWORD, DEMO_DATA: 'true', DEMO_STUDENTS: '240', GURU_SCOPE: 'class' });
  try {
    const admin = await createApiClient(app.baseUrl, 'admin', ADMIN_PASSWORD);
    while ((await admin.nilaiRows()) < ROWS) await admin.post('/api/prediksi/generate-dummy-data?count=500');
    const registered = await send(app.baseUrl, admin.token, 'POST', '/api/auth/register', {
      ...GURU,
      email: 'bench-scope@school.test',
      role: 'guru',
    });
    const guruId = ((await registered.json()) as { id: number }).id;
    const active = (await admin.get<{ id: number }>('/api/tahun-ajaran/aktif')).body;
    const rombels = (await admin.get<Array<{ id: number }>>(`/api/rombel?tahun_ajaran_id=${active.id}&limit=2`)).body;
    if (rombels.length < 2) throw new Error('the demo school has fewer than two rombels in the active year');
    await send(app.baseUrl, admin.token, 'PUT', `/api/rombel/${rombels[0]!.id}`, { wali_kelas_id: guruId });
    const taught = (await admin.get<Array<{ id: number }>>(`/api/penugasan?rombel_id=${rombels[1]!.id}&mapel=matematika`)).body;
    for (const p of taught) await send(app.baseUrl, admin.token, 'DELETE', `/api/penugasan/${p.id}`);
    await send(app.baseUrl, admin.token, 'POST', '/api/penugasan', { guru_id: guruId, rombel_id: rombels[1]!.id, mapel: 'matematika' });
    const guru = await createApiClient(app.baseUrl, GURU.username, GURU.password);

    const lines: string[] = [];
    for (const path of PATHS) {
      const school = await timeGet(app.baseUrl, admin.token, path);
      const scoped = await timeGet(app.baseUrl, guru.token, path);
      const line = `| \`GET ${path}\` | ${school.rows} | ${school.p50.toFixed(1)} / ${school.p95.toFixed(1)} | ${scoped.rows} | ${scoped.p50.toFixed(1)} / ${scoped.p95.toFixed(1)} |`;
      console.log(line);
      lines.push(line);
    }
    const rows = await admin.nilaiRows();
    const table = [
      runLine(
        `${rows} nilai rows; ${REPEATS} sequential requests per user after 3 warm-ups, timed to the last byte; app peak RSS ${peakRssMb(app.pid)} MB.`,
      ),
      '',
      '| request | admin: rows | admin p50 / p95 (ms) | guru (2 rombels): rows | guru p50 / p95 (ms) |',
      '|---|---:|---:|---:|---:|',
      ...lines,
    ].join('\n');
    writeSection('SCOPE', table);
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
