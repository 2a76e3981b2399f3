import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Client } from 'pg';
import { columnArrays, type EventRecord, INSERT_EVENTS_SQL } from '../../src/events/event-storage';
import { peakRssMb, resetPeakRss } from '../lib/app-process';
import type { LoadRequest } from '../lib/autocannon-run';
import { serverCpuSeconds } from '../lib/cpu-time';
import { requireWrk, runWrk, writeRequestsFile } from '../lib/wrk-run';
import { FIRST, MIDDLE, kelasOf } from './district-data';

export interface Measured {
  value: number;
  unit: string;
  note?: string;
}

const ms = (started: number): number => performance.now() - started;

/** Requests written for one wrk run: far more than a run sends, so wrk rarely repeats one. */
const WRK_REQUESTS = 20_000;

/**
 * p99 (ms) at 10 connections of requests built by `next`, and how many failed. The load comes from
 * wrk (native, outside this Node process: autocannon here took a core from the app on 2 cores),
 * cycling through WRK_REQUESTS requests `next` built beforehand. With the app's pid, the note also
 * gives its CPU milliseconds per request, the figure a loaded machine leaves robust.
 */
export async function loadP99(baseUrl: string, token: string, seconds: number, next: () => LoadRequest, pid?: number): Promise<Measured> {
  requireWrk();
  const file = writeRequestsFile(Array.from({ length: WRK_REQUESTS }, next));
  try {
    const cpuBefore = pid ? serverCpuSeconds(pid) : 0;
    const r = await runWrk({ baseUrl, script: 'requests', connections: 10, seconds, env: { BENCH_TOKEN: token, BENCH_REQUESTS_FILE: file } });
    const cpu = pid ? `, app ${((1000 * (serverCpuSeconds(pid) - cpuBefore)) / Math.max(1, r.requests)).toFixed(2)} CPU ms/request` : '';
    const failed = r.non2xx + r.socketErrors;
    return { value: Math.round(r.p99Ms), unit: 'ms p99', note: `${r.rps} req/s${cpu}${failed ? `, ${failed} failed` : ''}` };
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

/** A name fragment, "<first> <middle>" (~1 student in 600), and a class, different each call. */
export const searchFragment = (i: number): string => `${FIRST[i % FIRST.length]} ${MIDDLE[Math.floor(i / FIRST.length) % MIDDLE.length]}`;
export function readRequests(students: number): { search: () => LoadRequest; kelas: () => LoadRequest; mixed: () => LoadRequest } {
  let i = 0;
  const search = (): LoadRequest => ({ method: 'GET', path: `/api/nilai?search=${encodeURIComponent(searchFragment(i++))}&limit=20` });
  const kelas = (): LoadRequest => ({ method: 'GET', path: `/api/siswa?kelas=${encodeURIComponent(kelasOf(1 + ((i++ * 7919) % students)))}&sort=-nama` });
  const mixed = (): LoadRequest => {
    const k = i % 4;
    if (k === 0) return search();
    if (k === 1) return kelas();
    const id = 1 + ((i++ * 104729) % students);
    return k === 2 ? { method: 'GET', path: `/api/siswa/${id}` } : { method: 'GET', path: `/api/nilai?siswa_id=${id}` };
  };
  return { search, kelas, mixed };
}

async function fetchOk(baseUrl: string, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    signal: AbortSignal.timeout(1_800_000),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res;
}

/** Median of sequential requests (ms), after one warm-up. */
export async function sequentialMs(baseUrl: string, token: string, path: string, repeats: number): Promise<Measured & { header?: string }> {
  let header: string | undefined;
  const runs: number[] = [];
  for (let i = 0; i <= repeats; i++) {
    const started = performance.now();
    const res = await fetchOk(baseUrl, token, path);
    await res.arrayBuffer();
    if (i > 0) runs.push(ms(started));
    header = res.headers.get('x-total-count') ?? undefined;
  }
  runs.sort((a, b) => a - b);
  const total = header === undefined ? '' : `, X-Total-Count ${header}`;
  return { value: Math.round(runs[Math.floor(runs.length / 2)]! * 10) / 10, unit: 'ms median', note: `max ${runs[runs.length - 1]!.toFixed(0)} ms${total}`, header };
}

/**
 * Like sequentialMs, but each request comes straight after a committed write to the training data
 * (one nilai row rewritten as it is, on `databaseUrl`): what the first reader after a change pays,
 * since the app keeps whole-data answers only until the next write (TrainingDataChanges).
 */
export async function afterWriteMs(baseUrl: string, token: string, databaseUrl: string, path: string, repeats: number): Promise<Measured> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const runs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      await db.query(`UPDATE nilai_raport SET rata_rata = rata_rata WHERE id = (SELECT min(id) FROM nilai_raport)`);
      const started = performance.now();
      await (await fetchOk(baseUrl, token, path)).arrayBuffer();
      runs.push(ms(started));
    }
    runs.sort((a, b) => a - b);
    return { value: Math.round(runs[Math.floor(runs.length / 2)]! * 10) / 10, unit: 'ms median', note: `max ${runs[runs.length - 1]!.toFixed(0)} ms` };
  } finally {
    await db.end();
  }
}

/**
 * One export downloaded by `curl -s -o /dev/null` (a child process, outside Node, so the bench's own
 * reading takes as little as possible of the cores it shares with the app): seconds and bytes.
 */
function curlExport(baseUrl: string, token: string, format: 'csv' | 'excel'): Promise<{ seconds: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const args = ['-s', '-f', '-o', '/dev/null', '-w', '%{size_download} %{time_total}', '-H', `authorization: Bearer ${token}`, `${baseUrl}/api/nilai/export/${format}`];
    execFile('curl', args, { timeout: 1_800_000 }, (error, stdout) => {
      if (error) return reject(new Error(`curl export/${format}: ${error.message}`));
      const [bytes, seconds] = stdout.trim().split(' ').map(Number);
      resolve({ seconds: seconds!, bytes: bytes! });
    });
  });
}

/** Streams an export to the end: rows per second, the app's CPU seconds for it and its peak RSS during it. */
export async function exportRate(baseUrl: string, token: string, pid: number, format: 'csv' | 'excel', rows: number): Promise<Measured> {
  resetPeakRss(pid);
  const cpuBefore = serverCpuSeconds(pid);
  const { seconds, bytes } = await curlExport(baseUrl, token, format);
  const cpu = serverCpuSeconds(pid) - cpuBefore;
  return {
    value: Math.round(rows / seconds),
    unit: 'rows/s',
    note: `${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(0)} MB, app CPU ${cpu.toFixed(1)} s (${Math.round(rows / cpu)} rows per CPU-second), app peak RSS ${peakRssMb(pid)} MB`,
  };
}

/** p99 of the mixed read load while a csv export of every nilai row streams (to curl, as exportRate). */
export async function readsDuringExport(baseUrl: string, token: string, seconds: number, next: () => LoadRequest): Promise<Measured> {
  const exporting = curlExport(baseUrl, token, 'csv');
  exporting.catch(() => undefined);
  await new Promise((r) => setTimeout(r, 500));
  const load = await loadP99(baseUrl, token, seconds, next);
  const exported = await exporting;
  return { ...load, note: `${load.note ?? ''}; the export took ${exported.seconds.toFixed(1)} s` };
}

/** Seconds of one POST. */
export async function postSeconds(baseUrl: string, token: string, path: string, body: unknown, pid?: number): Promise<Measured> {
  if (pid) resetPeakRss(pid);
  const started = performance.now();
  const res = await fetchOk(baseUrl, token, path, { method: 'POST', body: JSON.stringify(body) });
  await res.arrayBuffer();
  const seconds = ms(started) / 1000;
  return { value: Math.round(seconds * 100) / 100, unit: 's', note: pid ? `app peak RSS ${peakRssMb(pid)} MB` : undefined };
}

/** Median time (ms) of the event writer's own INSERT of a 500-row batch (event-storage.ts), on the database directly. */
export async function eventInsertMs(url: string): Promise<Measured> {
  const rows: EventRecord[] = Array.from({ length: 500 }, (_, i) => ({
    occurred_at: new Date(),
    request_id: `scale-insert-${i}`,
    category: 'CRUD',
    action: 'siswa.list',
    user_id: 1,
    username: 'admin',
    role: 'admin',
    method: 'GET',
    path: '/api/siswa',
    status: 200,
    duration_ms: 3,
    ip: '127.0.0.1',
    user_agent: 'bench',
    entity_type: null,
    entity_id: null,
    changes: null,
  }));
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const runs: number[] = [];
    for (let i = 0; i < 21; i++) {
      const started = performance.now();
      await db.query({ name: 'scale_insert_events', text: INSERT_EVENTS_SQL, values: columnArrays(rows) });
      if (i > 0) runs.push(ms(started));
    }
    await db.query(`DELETE FROM event_log WHERE request_id LIKE 'scale-insert-%' AND occurred_at > now() - interval '1 hour'`);
    runs.sort((a, b) => a - b);
    return { value: Math.round(runs[10]! * 10) / 10, unit: 'ms / 500 rows' };
  } finally {
    await db.end();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements the measured endpoints run, as the engine builds them. */
export async function plans(url: string, students: number): Promise<Record<string, string>> {
  const db = new Client({ connectionString: url });
  await db.connect();
  const explain = async (sql: string, params: unknown[] = [], options = 'ANALYZE, BUFFERS'): Promise<string> =>
    ((await db.query(`EXPLAIN (${options}) ${sql}`, params)).rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
  const nilaiFrom = `FROM nilai_raport r INNER JOIN siswa s ON s.id = r.siswa_id`;
  try {
    return {
      'nilai search (list query)': await explain(
        `SELECT r.*, s.nama, s.kelas ${nilaiFrom} WHERE (s.nama ILIKE $1 ESCAPE '\\' OR s.nis ILIKE $1 ESCAPE '\\' OR s.kelas ILIKE $1 ESCAPE '\\') ORDER BY r.id ASC LIMIT 20`,
        [`%${searchFragment(3)}%`],
      ),
      'nilai search (X-Total-Count, bounded)': await explain(
        `SELECT count(*) FROM (SELECT 1 ${nilaiFrom} WHERE (s.nama ILIKE $1 ESCAPE '\\' OR s.nis ILIKE $1 ESCAPE '\\' OR s.kelas ILIKE $1 ESCAPE '\\') LIMIT 100001) b`,
        [`%${searchFragment(3)}%`],
      ),
      'siswa kelas sort=-nama': await explain(`SELECT r.* FROM siswa r WHERE r.kelas = $1 ORDER BY r.nama DESC, r.id ASC LIMIT 10000`, [kelasOf(Math.ceil(students / 2))]),
      'unfiltered X-Total-Count (the estimate: EXPLAIN, planning only)': await explain(`SELECT 1 ${nilaiFrom}`, [], 'SUMMARY').then((p) =>
        p.split('\n').filter((l, i) => i === 0 || /Planning Time/.test(l)).join('\n'),
      ),
      'unfiltered count(*) (what it replaced)': await explain(`SELECT count(*) ${nilaiFrom}`),
      'event_log last 7 days (partition pruning)': await explain(
        `SELECT * FROM event_log e WHERE e.occurred_at >= now() - interval '7 days' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 50`,
      ),
    };
  } finally {
    await db.end();
  }
}
