import { readFileSync, writeFileSync } from 'node:fs';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} for ${pid}`);
  return Number(match[1]) * 1024;
}

/** Resident memory of a process now, in bytes (VmRSS). */
export const rssOf = (pid: number): number => statusField(pid, 'VmRSS');

/** The peak resident memory since the last resetPeak (VmHWM), in bytes. */
export const peakRssOf = (pid: number): number => statusField(pid, 'VmHWM');

/** Restarts VmHWM from the current RSS (Linux: `5` to clear_refs), so a peak is one operation's. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
