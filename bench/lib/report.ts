import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './app-process';

/** The q-quantile of an ascending list (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** `Run <time> on <cores> × <cpu>, Node <version>; <details>`: the first line of every result table. */
export function runLine(details: string): string {
  return `Run ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}; ${details}`;
}

/** Replaces BENCHMARKS.md's text between `<!-- NAME:BEGIN -->` and `<!-- NAME:END -->` with `table`, and prints it. */
export function writeSection(name: string, table: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    doc.replace(
      new RegExp(`<!-- ${name}:BEGIN -->[\\s\\S]*<!-- ${name}:END -->`),
      `<!-- ${name}:BEGIN -->\n${table}\n<!-- ${name}:END -->`,
    ),
  );
  console.log(table);
}
