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
import { columnRanks, distinctSortedValues } from './presort';
import { buildTree, type RankHint } from './tree';

/** One fold's answer: per held-out row (in test order) an index into `table` (shared arrays per leaf). */
export interface FoldOutcome {
  readonly table: ReadonlyArray<readonly number[]>;
  /** Distribution of each test row with the options' leaf estimate. */
  readonly used: Int32Array;
  /** With both leaf estimates: the other estimate (Laplace when the options are plain, and back). */
  readonly other: Int32Array | null;
}

/** Per dataset, its numeric columns' distinct values and row ranks: computed once, shared by every fold on this thread. */
const globalRanks = new WeakMap<C45Dataset, RankHint>();

function ranksOf(ds: C45Dataset): RankHint {
  let g = globalRanks.get(ds);
  if (!g) {
    const distinct = ds.attributes.map((a, i) => (a.kind === 'numeric' ? distinctSortedValues(ds.columns[i]) : null));
    const rank = distinct.map((d, i) => (d ? columnRanks(ds.columns[i], d) : null));
    g = { distinct, rank };
    globalRanks.set(ds, g);
  }
  return g;
}

/**
 * A fold's ranks from the whole dataset's (one gather per numeric attribute, no sort): the fold's
 * tree sorts its root by them exactly as it would sort on its own (a stable counting sort by rank).
 */
export function foldRankHint(ds: C45Dataset, rows: Int32Array): RankHint {
  const g = ranksOf(ds);
  const rank = g.rank.map((all) => {
    if (!all) return null;
    const out = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = all[rows[i]];
    return out;
  });
  return { distinct: g.distinct, rank };
}

export function runFold(ds: C45Dataset, opts: ResolvedOptions, plan: FoldPlan, f: number, bothLeafEstimates: boolean): FoldOutcome {
  const trainRows = plan.train.subarray(plan.trainStart[f], plan.trainStart[f + 1]);
  const tree = buildTree(subsetRows(ds, trainRows), opts, foldRankHint(ds, trainRows));
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

