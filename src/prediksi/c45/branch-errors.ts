/**
 * getEstimatedErrorsForBranch without materialising the re-routed data, for data with no missing
 * value on any split of the subtree (the district's columns have none).
 *
 * Subtree raising asks, at every internal node, what the node's rows would cost pushed through its
 * heaviest son's subtree. The general path (prune.ts) splits the rows into new arrays at every node
 * below (fresh rows and weights per node, per question): most of pruning's time and garbage at
 * district size. Without missing values a row's path is fixed and its weight unchanged, so walking
 * each row to its leaf and summing its weight there, in data order, gives every leaf exactly the
 * distribution oneBagDistribution would compute on that leaf's rows; the errors are then added up in
 * the same recursion order as the general path, so the result is the same double.
 */
import { Distribution } from './distribution';
import type { TreeNode } from './model';
import type { RowSet } from './route';
import { estimatedErrors } from './stats';
import type { TrainContext } from './train-context';
import { smOrEq } from './weka-utils';

/** Whether every split attribute in the subtree has no missing value anywhere in the dataset. */
export function splitsAllComplete(n: TreeNode, complete: readonly boolean[]): boolean {
  if (n.leaf || !n.children || !n.split) return true;
  if (!complete[n.split.attribute]) return false;
  for (const c of n.children) if (!splitsAllComplete(c, complete)) return false;
  return true;
}

/** Per attribute: the column has no missing value (NaN). */
export function completeColumns(columns: readonly Float64Array[]): boolean[] {
  return columns.map((col) => {
    for (let i = 0; i < col.length; i++) if (col[i] !== col[i]) return false;
    return true;
  });
}

export function estimatedErrorsForBranchComplete(root: TreeNode, data: RowSet, ctx: TrainContext): number {
  const leaves: TreeNode[] = [];
  const leafOf = new Map<TreeNode, number>();
  collectLeaves(root, leaves, leafOf);
  const k = ctx.k;
  const perClass = new Float64Array(leaves.length * k);
  const total = new Float64Array(leaves.length);
  const { rows, w } = data;
  const { columns } = ctx.ds;
  const cls = ctx.cls;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let node = root;
    while (!(node.leaf || !node.children || !node.split)) {
      const s = node.split;
      const v = columns[s.attribute][r];
      // whichSubset for a known value.
      const b = s.kind === 'numeric' ? (smOrEq(v, s.splitPoint) ? 0 : 1) : s.kind === 'binaryNominal' ? (v === s.splitPoint ? 0 : 1) : v;
      node = node.children[b];
    }
    const leaf = leafOf.get(node) as number;
    const at = leaf * k + cls[r];
    perClass[at] = perClass[at] + w[i];
    total[leaf] = total[leaf] + w[i];
  }
  return sumErrors(root, leafOf, perClass, total, k, ctx.cf);
}

function collectLeaves(n: TreeNode, leaves: TreeNode[], leafOf: Map<TreeNode, number>): void {
  if (n.leaf || !n.children || !n.split) {
    leafOf.set(n, leaves.length);
    leaves.push(n);
    return;
  }
  for (const c of n.children) collectLeaves(c, leaves, leafOf);
}

/** The general path's recursion: a leaf's estimated errors; a node's, its sons' summed in order from 0. */
function sumErrors(n: TreeNode, leafOf: Map<TreeNode, number>, perClass: Float64Array, total: Float64Array, k: number, cf: number): number {
  if (n.leaf || !n.children || !n.split) {
    const leaf = leafOf.get(n) as number;
    const d = new Distribution(1, k);
    d.perClass.set(perClass.subarray(leaf * k, leaf * k + k));
    d.w.set(d.perClass);
    d.perBag[0] = total[leaf];
    d.total = total[leaf];
    return estimatedErrors(d, cf);
  }
  let errors = 0;
  for (const c of n.children) errors = errors + sumErrors(c, leafOf, perClass, total, k, cf);
  return errors;
}
