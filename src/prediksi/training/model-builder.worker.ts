import { parentPort, workerData } from 'node:worker_threads';
import { C45InputError, type DatasetSpec } from '../c45';
import { type BuildOptions, buildModel, type RowGroups } from '../domain/model-builder';
import type { BuildReply } from './off-thread-build';

/**
 * Runs one training (tree + cross-validation) in a worker thread, so the API's event loop keeps
 * answering while a large school's model trains. The live tree stays here; the caller stores the JSON.
 */
const { spec, options, groups, groupOrders } = workerData as {
  spec: DatasetSpec;
  options: BuildOptions;
  groups: RowGroups;
  groupOrders: Record<string, readonly string[]>;
};
let reply: BuildReply;
try {
  const { tree: _tree, ...artifacts } = buildModel(spec, options, groups, groupOrders);
  reply = { ok: true, artifacts };
} catch (error) {
  reply =
    error instanceof C45InputError
      ? { ok: false, inputError: { code: error.code, message: error.message } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
