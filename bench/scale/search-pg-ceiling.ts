/**
 * `npx tsx bench/scale/search-pg-ceiling.ts <database url> [seconds]`: what PostgreSQL alone allows the
 * district name search. pgbench (native, 10 clients like the bench's wrk) runs the three statements
 * one `GET /api/nilai?search=<first middle>&limit=20` sends (src/common/query/list-page.ts: the
 * matching students' ids as one array literal, the page of 20 rows, the bounded count) over the same
 * fragments as bench:scale, with no app in between. Prints transactions/s and latency percentiles:
 * the app can answer no faster than this on the same cores.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST, MIDDLE } from './district-data';
import { searchFragment } from './measure';

const [url, secondsArg] = process.argv.slice(2);
if (!url) throw new Error('usage: search-pg-ceiling.ts <database url> [seconds]');
const seconds = Number(secondsArg ?? 10);
const fragments = Array.from({ length: FIRST.length * MIDDLE.length }, (_, i) => searchFragment(i));
const literal = `'{${fragments.map((f) => `"${f}"`).join(',')}}'::text[]`;
const pattern = `'%' || (${literal})[:i] || '%'`;

const script = [
  `\\set i random(1, ${fragments.length})`,
  `SELECT quote_literal(coalesce(array_agg(m.id), '{}')::text) AS ids FROM (SELECT s.id FROM siswa s WHERE (s.nama ILIKE ${pattern} OR s.nis ILIKE ${pattern} OR s.kelas ILIKE ${pattern}) LIMIT 10001) AS m \\gset`,
  `SELECT r.*, s.nama, s.kelas FROM nilai_raport r INNER JOIN siswa s ON s.id = r.siswa_id WHERE r.siswa_id = ANY(:ids::int[]) ORDER BY r.id ASC LIMIT 20;`,
  `SELECT count(*)::int AS n FROM (SELECT 1 FROM nilai_raport r WHERE r.siswa_id = ANY(:ids::int[]) LIMIT 100001) AS bounded;`,
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'search-ceiling-'));
try {
  writeFileSync(join(dir, 'search.sql'), script + '\n');
  const out = execFileSync('pgbench', ['-n', '-c', '10', '-j', '2', '-T', String(seconds), '-f', 'search.sql', '-l', '--log-prefix', 'tx', url], { cwd: dir, encoding: 'utf8' });
  const tps = /tps = ([\d.]+)/.exec(out)?.[1];
  // Per-transaction log lines: client_id transaction_no time_us script_no time_epoch time_us_part.
  const latencies = readdirSync(dir)
    .filter((f) => f.startsWith('tx'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
    .map((line) => Number(line.split(' ')[2]) / 1000)
    .sort((a, b) => a - b);
  const at = (q: number): string => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(`PostgreSQL alone, the search's 3 statements, 10 clients, ${seconds} s: ${Math.round(Number(tps))} req/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (${latencies.length} requests)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
