/**
 * One cross-validation fold on its own: its tree and its held-out rows' distributions, as indices into
 * a small table of arrays (rows that stop at the same node share one array, as RowClassifier gives
 * them). Pure (the dataset, the options and the plan), so it runs the same inline or in a worker
 * thread, and its answer crosses threads cheaply; `combineFolds` (evaluation.ts) puts the folds together.
 */
import type { C45Dataset } from './dataset';
import { subsetRows } from './dataset';
import { foldTestRows, type FoldPlan } from './folds';
import type { ResolvedOptions } from './model';
import { RowClassifier } from './row-classifier';
import { buildTree } from './tree';

/** One fold's answer: per held-out row (in test order) an index into `table` (shared arrays per leaf). */
export interface FoldOutcome {
  readonly table: ReadonlyArray<readonly number[]>;
  /** Distribution of each test row with the options' leaf estimate. */
  readonly used: Int32Array;
  /** With both leaf estimates: the other estimate (Laplace when the options are plain, and back). */
  readonly other: Int32Array | null;
}

export function runFold(ds: C45Dataset, opts: ResolvedOptions, plan: FoldPlan, f: number, bothLeafEstimates: boolean): FoldOutcome {
  const tree = buildTree(subsetRows(ds, plan.train.subarray(plan.trainStart[f], plan.trainStart[f + 1])), opts);
  const test = foldTestRows(plan, f);
  const table: Array<readonly number[]> = [];
  const index = new Map<readonly number[], number>();
  const indexOf = (d: readonly number[]): number => {
    let i = index.get(d);
    if (i === undefined) {
      i = table.length;
      table.push(d);
      index.set(d, i);
    }
    return i;
  };
  const usedClassifier = new RowClassifier(tree, ds);
  const otherClassifier = bothLeafEstimates ? new RowClassifier(tree, ds, !opts.laplace) : null;
  const used = new Int32Array(test.length);
  const other = otherClassifier ? new Int32Array(test.length) : null;
  for (let i = 0; i < test.length; i++) {
    used[i] = indexOf(usedClassifier.distribution(test[i]));
    if (other && otherClassifier) other[i] = indexOf(otherClassifier.distribution(test[i]));
  }
  return { table, used, other };
}

