import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './app-process';

/** What every benchmark shares to report: the machine line, quantiles, BENCHMARKS.md sections, the run wrapper. */

/** The q-quantile of an ascending list (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** "2 × AMD EPYC, Node v20…": the machine a table was measured on. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}`;
}

/** The 1-minute load average, for tables measured on a shared machine (a busy one slows everything). */
export function load(): string {
  return `load average ${loadavg()[0]!.toFixed(1)}`;
}

/** `Run <time> on <machine>; <details>`: the first line of every result table. */
export function runLine(details: string): string {
  return `Run ${new Date().toISOString()} on ${machine()}; ${details}`;
}

/** Replaces BENCHMARKS.md's text between `<!-- NAME:BEGIN -->` and `<!-- NAME:END -->` with `table`, and prints it. */
export function writeSection(name: string, table: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const section = new RegExp(`<!-- ${name}:BEGIN -->[\\s\\S]*<!-- ${name}:END -->`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(section, `<!-- ${name}:BEGIN -->\n${table}\n<!-- ${name}:END -->`));
  console.log(table);
}

/** A measured table (the run line with `caption`, the header row, the rows), written into its section and printed. */
export function publishTable(name: string, caption: string, header: string[], rows: string[]): void {
  const align = `|---|${header
    .slice(1)
    .map(() => '---:')
    .join('|')}|`;
  writeSection(name, [runLine(caption), '', `| ${header.join(' | ')} |`, align, ...rows].join('\n'));
}

/** Runs a benchmark's main: prints what it returns (a Markdown table), or the error and exits 1. */
export function runBench(main: () => Promise<string | void>): void {
  main().then(
    (table) => {
      if (typeof table === 'string') console.log(table);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
