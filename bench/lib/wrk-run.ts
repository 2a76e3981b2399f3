import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './app-process';
import type { LoadRequest } from './autocannon-run';

export const WRK = process.env.WRK_BIN ?? '/usr/bin/wrk';
const WRK_DIR = join(ROOT, 'bench', 'wrk');

export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
}

/** wrk is the load generator (native, so it does not take a Node core from the app); say how to get it. */
export function requireWrk(): void {
  if (!existsSync(WRK)) {
    throw new Error(`wrk not found at ${WRK}: install it (Debian/Ubuntu: sudo apt-get install wrk) or set WRK_BIN`);
  }
}

/** Runs one wrk measurement of a bench/wrk/<script>.lua scenario against baseUrl. */
export function runWrk(options: {
  baseUrl: string;
  script: string;
  connections: number;
  seconds: number;
  threads?: number;
  env: Record<string, string>;
}): Promise<WrkResult> {
  const args = [`-t${options.threads ?? 2}`, `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', join(WRK_DIR, `${options.script}.lua`), options.baseUrl];
  return new Promise((resolve, reject) => {
    execFile(WRK, args, { env: { ...process.env, ...options.env, BENCH_WRK_DIR: WRK_DIR }, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk failed: ${error.message}\n${stderr}`));
      const line = stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
      if (!line) return reject(new Error(`wrk printed no result:\n${stdout}\n${stderr}`));
      const r = JSON.parse(line.slice('WRK_JSON '.length)) as Record<string, number>;
      const seconds = r.duration_us! / 1e6;
      resolve({
        rps: Math.round(r.requests! / seconds),
        p50Ms: r.p50_us! / 1000,
        p99Ms: r.p99_us! / 1000,
        meanMs: r.mean_us! / 1000,
        maxMs: r.max_us! / 1000,
        requests: r.requests!,
        non2xx: r.non2xx!,
        socketErrors: r.connect! + r.read! + r.write! + r.timeout!,
      });
    });
  });
}

/**
 * Writes requests for bench/wrk/requests.lua (one a line: METHOD, path, body, tab-separated) into a
 * fresh temporary file and returns its path: wrk cannot call back into Node for the next request.
 */
export function writeRequestsFile(requests: readonly LoadRequest[]): string {
  const lines = requests.map((r) => {
    if (/[\t\n]/.test(r.path) || /[\t\n]/.test(r.body ?? '')) throw new Error(`a wrk request cannot hold a tab or newline: ${r.method} ${r.path}`);
    return [r.method, r.path, r.body ?? ''].join('\t');
  });
  const file = join(mkdtempSync(join(tmpdir(), 'bench-wrk-')), 'requests.tsv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
