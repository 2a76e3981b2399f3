import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HelperOptions } from '../fold-helpers';

/**
 * Fold helpers from the TypeScript source (jest has no compiled cv-fold.worker.js): the worker file
 * is a small .js shim that registers tsx and loads cv-fold.worker.ts.
 */
export function tsFoldHelpers(count: number): HelperOptions {
  const shim = join(tmpdir(), `cv-fold-worker-${process.pid}.js`);
  const source = join(__dirname, '..', 'cv-fold.worker.ts');
  writeFileSync(shim, `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(source)});\n`);
  return { count, workerFile: shim };
}
