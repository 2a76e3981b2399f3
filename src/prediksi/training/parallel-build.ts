/**
 * buildModel (domain/model-builder.ts) for the training worker: the same tree, cross-validation and
 * reports, with the folds trained on helper threads while this thread grows the main tree and then
 * trains folds too (fold-helpers.ts). The answer is buildModel's, bit for bit (model-builder's pieces
 * and the c45 fold functions are shared; parallel-build.spec.ts compares them).
 */
import { type C45Dataset, checkTrainable, combineFolds, prepareCrossValidation, trainC45 } from '../c45';
import { assembleModel, type BuildOptions, type BuiltModel, CV_SEED, cvFolds, learnerOptions, type RowGroups } from '../domain/model-builder';
import { defaultHelpers, type HelperOptions, trainFolds } from './fold-helpers';

export async function buildModelOnThreads(
  data: C45Dataset,
  options: BuildOptions,
  groups: RowGroups = {},
  groupOrders: Readonly<Record<string, readonly string[]>> = {},
  helpers?: HelperOptions,
): Promise<BuiltModel> {
  const c45 = learnerOptions(options);
  // buildModel's errors, in its order, before any thread starts.
  checkTrainable(data, c45);
  const { folds, note } = cvFolds(data, options);
  const ds = sharedDataset(data);
  const { opts, plan } = prepareCrossValidation(ds, c45, folds, CV_SEED);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const work = { ds, opts, plan, bothLeafEstimates: true, next };
  const { first: tree, outcomes } = await trainFolds(work, () => trainC45(ds, c45), helpers ?? defaultHelpers(folds));
  return assembleModel(ds, options, tree, combineFolds(ds, opts, plan, outcomes, true), note, groups, groupOrders);
}

/** The dataset with its typed arrays in SharedArrayBuffers (copied once if they are not), so helpers share them. */
function sharedDataset(ds: C45Dataset): C45Dataset {
  return { ...ds, columns: ds.columns.map(shared), classes: shared(ds.classes), weights: shared(ds.weights) };
}

function shared<T extends Float64Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Kind = a.constructor as { new (buffer: SharedArrayBuffer): T };
  const out = new Kind(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
