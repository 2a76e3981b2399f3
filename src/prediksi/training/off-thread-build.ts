import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { C45InputError, type C45ErrorCode, type DatasetSpec } from '../c45';
import { type BuildOptions, type BuiltModel, buildModel, type RowGroups } from '../domain/model-builder';

/** What a training produces for storage (the live tree is rebuilt from `treeJson` when activated). */
export type ModelArtifacts = Omit<BuiltModel, 'tree'>;

export type BuildReply =
  | { ok: true; artifacts: ModelArtifacts }
  | { ok: false; inputError: { code: C45ErrorCode; message: string } }
  | { ok: false; message: string; inputError?: never };

const WORKER_FILE = join(__dirname, 'model-builder.worker.js');

/**
 * Trains in a worker thread when running the compiled app (10-fold CV on 100,000 rows is seconds of
 * CPU that would otherwise stall every request of this instance). From TypeScript sources (jest) a
 * worker cannot load the .ts file, so it trains inline there; the built app's tests cover the worker.
 */
export function buildModelOffThread(
  spec: DatasetSpec,
  options: BuildOptions,
  groups: RowGroups = {},
  groupOrders: Readonly<Record<string, readonly string[]>> = {},
): Promise<ModelArtifacts> {
  if (!existsSync(WORKER_FILE)) {
    const { tree: _tree, ...artifacts } = buildModel(spec, options, groups, groupOrders);
    return Promise.resolve(artifacts);
  }
  return new Promise((resolve, reject) => {
    // The worker is its own V8 isolate: the API's heap cap (--max-old-space-size=256) does not bound
    // it, so a very large school still trains; the memory is returned when the worker exits.
    const worker = new Worker(WORKER_FILE, { workerData: { spec, options, groups, groupOrders }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    let settled = false;
    worker.once('message', (reply: BuildReply) => {
      settled = true;
      if (reply.ok) resolve(reply.artifacts);
      else if (reply.inputError) reject(new C45InputError(reply.inputError.code, reply.inputError.message));
      else reject(new Error(`Training worker failed: ${reply.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Training worker exited with code ${code} before answering`));
    });
  });
}
