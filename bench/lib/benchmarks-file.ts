import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './app-process';

/** "2 × AMD EPYC, Node v20…": the machine a table was measured on. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}`;
}

/** Replaces the text between `<!-- NAME:BEGIN -->` and `<!-- NAME:END -->` in BENCHMARKS.md. */
export function writeBenchmarkSection(name: string, body: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const pattern = new RegExp(`<!-- ${name}:BEGIN -->[\\s\\S]*<!-- ${name}:END -->`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(pattern, `<!-- ${name}:BEGIN -->\n${body}\n<!-- ${name}:END -->`));
}

/** A measured table: the caption line (after "Run <time> on <machine>; "), the header row, the rows; written and printed. */
export function publishTable(name: string, caption: string, header: string[], rows: string[]): void {
  const table = [
    `Run ${new Date().toISOString()} on ${machine()}; ${caption}`,
    '',
    `| ${header.join(' | ')} |`,
    `|---|${header
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
    ...rows,
  ].join('\n');
  writeBenchmarkSection(name, table);
  console.log(table);
}

/** Runs a benchmark's main; a failure prints and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
