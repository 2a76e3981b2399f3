import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './app-process';

/** "2 × AMD EPYC, Node v20…": the machine line every table starts with. */
export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}`;
}

/** The 1-minute load average, for tables measured on a shared machine (a busy one slows everything). */
export function load(): string {
  return `load average ${loadavg()[0]!.toFixed(1)}`;
}

/** Replaces BENCHMARKS.md's section between `<!-- NAME:BEGIN -->` and `<!-- NAME:END -->` and prints it. */
export function writeBenchSection(name: string, table: string): void {
  const file = join(ROOT, 'BENCHMARKS.md');
  const doc = readFileSync(file, 'utf8');
  const section = new RegExp(`<!-- ${name}:BEGIN -->[\\s\\S]*<!-- ${name}:END -->`);
  writeFileSync(file, doc.replace(section, `<!-- ${name}:BEGIN -->\n${table}\n<!-- ${name}:END -->`));
  console.log(table);
}

/** Runs a benchmark's main and exits non-zero on failure. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
