import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Linux clock ticks per second (USER_HZ), what /proc/<pid>/stat counts in. */
const TICKS_PER_SECOND = 100;

function ownCpuSeconds(pid: number): number {
  try {
    // Fields after the parenthesised command: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0; // gone
  }
}

/**
 * CPU seconds used so far by a server: the process and its node children (cluster workers), not its
 * embedded PostgreSQL. On a machine shared with other work, CPU per request is the fairer comparison
 * than req/s, which also measures how much of the machine the others left over.
 */
export function serverCpuSeconds(pid: number): number {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /\bnode$/.test(line.trim()))
      .map((line) => Number.parseInt(line.trim(), 10));
  } catch {
    // no children
  }
  return [pid, ...children].reduce((sum, p) => sum + ownCpuSeconds(p), 0);
}
