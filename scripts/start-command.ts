/**
 * The node flags of `npm start`, read from package.json where they are written once: the heap cap
 * (256 MB old generation) and a 32 MB young-generation semi-space (a large export allocates ~1 KB per
 * row; the default 16 MB promoted more of it and spent ~6 % more CPU in GC: BENCHMARKS.md). The
 * bench and the fault tests start the app with exactly these; a spec holds the Dockerfile's CMD to
 * the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT_DIR = join(__dirname, '..');
const START = /^exec node ((?:--[\w-]+(?:=\S+)?\s+)*)dist\/src\/main\.js$/;

export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const match = START.exec(pkg.scripts.start);
  if (!match) throw new Error(`package.json's start script is not "exec node [flags] dist/src/main.js": ${pkg.scripts.start}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}
