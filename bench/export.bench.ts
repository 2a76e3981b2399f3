/**
 * `npm run bench:export`: export of 1.8 M nilai rows (300,000 students × 6 semesters; EXPORT_BENCH_ROWS
 * to change it) as CSV and .xlsx over HTTP from the built app run exactly as `npm start` runs it
 * (production mode, `--max-old-space-size=256`, request and event log on) on its own embedded
 * PostgreSQL. The rows are made by SQL (`generate_series`), not the API. Per format, EXPORT_BENCH_REPS
 * downloads (default 2), each read to the end and counted; wall time, rows/s, and the app's RSS
 * sampled every 100 ms (peak = VmHWM, reset before each download). Prints a Markdown table.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { peakRssMb, resetPeakRss, startBenchApp, BENCH_ADMIN_PASSWORD } from './lib/app-process';
import { runBench } from './lib/report';

const ROWS = Number(process.env.EXPORT_BENCH_ROWS ?? 1_800_000);
const SEMESTERS = 6;
const REPS = Number(process.env.EXPORT_BENCH_REPS ?? 2);
const ADMIN_PASSWORD = BENCH_ADMIN_PASSWORD;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
/** CPU seconds the process has used (user + system), from /proc/<pid>/stat (clock ticks of 10 ms). */
const cpuSeconds = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssMb = (pid: number): number =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

/** 300,000 students and six semesters of grades each, straight in SQL (the checks and indexes apply as usual). */
async function fill(databaseUrl: string): Promise<number> {
  const students = Math.ceil(ROWS / SEMESTERS);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const started = performance.now();
  try {
    await db.query(
      `INSERT INTO siswa (nis, nisn, nama, kelas, jenis_kelamin, tanggal_lahir, alamat)
       SELECT 'S' || lpad(g::text, 8, '0'), lpad(g::text, 10, '0'), 'Siswa Nomor ' || g, 'X ' || (g % 12), CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END,
              DATE '2007-01-01' + (g % 700), 'Jl. Pahlawan No. ' || g || ', Malang'
       FROM generate_series(1, $1::int) AS g`,
      [students],
    );
    await db.query(
      `INSERT INTO nilai_raport (siswa_id, semester, tahun_ajaran, matematika, bahasa_indonesia, bahasa_inggris, bahasa_jawa, ipa,
         agama, pjok, pkn, sejarah, seni, dasar_kejuruan, rata_rata)
       SELECT s.id, CASE WHEN k % 2 = 0 THEN 'Ganjil' ELSE 'Genap' END, (2021 + k / 2) || '/' || (2022 + k / 2),
              v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8, v + 9, v + 10, v + 5
       FROM (SELECT id, 60 + id % 25 AS v FROM siswa) AS s, generate_series(0, ${SEMESTERS - 1}) AS k
       LIMIT $1`,
      [ROWS],
    );
    await db.query('VACUUM ANALYZE siswa');
    await db.query('VACUUM ANALYZE nilai_raport');
  } finally {
    await db.end();
  }
  return performance.now() - started;
}

/** The Markdown table for BENCHMARKS.md. */
async function main(): Promise<string> {
  const app = await startBenchApp({ DEMO_DATA: 'false', ADMIN_PASSWORD });
  try {
    const fillMs = await fill(app.databaseUrl);
    console.error(`filled ${ROWS} nilai rows in ${(fillMs / 1000).toFixed(1)} s`);
    const login = await fetch(`${app.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const token = ((await login.json()) as { access_token: string }).access_token;

    async function download(
      path: string,
    ): Promise<{ ms: number; bytes: number; lines: number; peak: number; maxSampled: number; cpu: number }> {
      resetPeakRss(app.pid);
      let maxSampled = 0;
      const sampler = setInterval(() => (maxSampled = Math.max(maxSampled, rssMb(app.pid))), 100);
      const started = performance.now();
      const cpuBefore = cpuSeconds(app.pid);
      const res = await fetch(`${app.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(900_000),
      });
      if (res.status !== 200 || !res.body) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
      }
      const ms = performance.now() - started;
      clearInterval(sampler);
      return { ms, bytes, lines, peak: peakRssMb(app.pid), maxSampled, cpu: cpuSeconds(app.pid) - cpuBefore };
    }

    const lines = [
      `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${ROWS.toLocaleString('en')} nilai rows (filled by SQL in ${(fillMs / 1000).toFixed(0)} s); medians of ${REPS}.`,
      '',
      '| export (nilai) | file | time (s) | rows/s | app CPU (s) | rows per app CPU-second | app peak RSS (MB) |',
      '|---|---|---|---|---|---|---|',
    ];
    for (const [label, path] of [
      ['csv', '/api/nilai/export/csv'],
      ['xlsx', '/api/nilai/export/excel'],
    ] as const) {
      if (!(process.env.EXPORT_BENCH_FORMATS ?? 'csv,xlsx').split(',').includes(label)) continue;
      const results = [];
      for (let i = 0; i < REPS; i++) {
        const r = await download(path);
        if (label === 'csv' && r.lines !== ROWS + 1) throw new Error(`csv export had ${r.lines} lines, expected ${ROWS + 1}`);
        results.push(r);
        console.error(
          `${label} #${i + 1}: ${Math.round(r.ms)} ms, ${(r.bytes / 2 ** 20).toFixed(0)} MB, peak RSS ${r.peak} MB (sampled max ${r.maxSampled} MB), app CPU ${r.cpu.toFixed(1)} s`,
        );
      }
      const ms = median(results.map((r) => r.ms));
      const cpu = median(results.map((r) => r.cpu));
      lines.push(
        `| ${label} | ${(results[0]!.bytes / 2 ** 20).toFixed(0)} MB | ${(ms / 1000).toFixed(1)} | ${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} | ${cpu.toFixed(1)} | ${Math.round(ROWS / cpu).toLocaleString('en')} | ${Math.max(...results.map((r) => Math.max(r.peak, r.maxSampled)))} |`,
      );
    }
    return lines.join('\n');
  } finally {
    await app.stop();
  }
}

runBench(main);
