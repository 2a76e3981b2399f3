import { completeColumns, estimatedErrorsForBranchComplete, splitsAllComplete } from './branch-errors';
import { resolveOptions, type TreeNode } from './model';
import { estimatedErrorsForBranchSplitting } from './prune';
import { loadArffDataset } from './testing/reference-fixtures';
import type { TrainContext } from './train-context';
import { growTree } from './tree';

function internalNodes(n: TreeNode, out: TreeNode[] = []): TreeNode[] {
  if (n.leaf || !n.children) return out;
  out.push(n);
  for (const c of n.children) internalNodes(c, out);
  return out;
}

describe('estimatedErrorsForBranchComplete: pruning\'s branch estimate without re-splitting the rows', () => {
  it.each(['diabetes', 'glass', 'segment-challenge', 'iris'])('%s: the same double as the splitting path, at every node and son', (name) => {
    const ds = loadArffDataset(name);
    const opts = resolveOptions({});
    const root = growTree(ds, opts);
    const complete = completeColumns(ds.columns);
    const ctx: TrainContext = { ds, opts, k: ds.classAttribute.values.length, cls: ds.classes, cf: Math.fround(opts.confidenceFactor), complete };
    let compared = 0;
    for (const n of internalNodes(root)) {
      const data = { rows: n.rows as Int32Array, w: n.w as Float64Array };
      for (const son of n.children ?? []) {
        expect(splitsAllComplete(son, complete)).toBe(true);
        expect(estimatedErrorsForBranchComplete(son, data, ctx)).toBe(estimatedErrorsForBranchSplitting(son, data, ctx));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2);
  });

  it('is not used when a split attribute has a missing value', () => {
    const ds = loadArffDataset('labor');
    const root = growTree(ds, resolveOptions({}));
    expect(completeColumns(ds.columns).every(Boolean)).toBe(false);
    expect(splitsAllComplete(root, completeColumns(ds.columns))).toBe(false);
  });
});
