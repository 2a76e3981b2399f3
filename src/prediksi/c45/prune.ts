/**
 * Collapsing and pessimistic pruning with subtree raising
 * (C45PruneableClassifierTree.collapse / prune / getEstimatedErrorsForBranch / newDistribution).
 */
import { estimatedErrorsForBranchComplete, splitsAllComplete } from './branch-errors';
import type { TreeNode } from './model';
import { oneBagDistribution, resetDistribution, splitRows } from './route';
import type { RowSet } from './route';
import { estimatedErrors } from './stats';
import type { TrainContext } from './train-context';
import { eq, smOrEq } from './weka-utils';

function trainingErrors(n: TreeNode): number {
  if (n.leaf || !n.children) return n.dist.numIncorrect();
  let s = 0;
  for (const c of n.children) s = s + trainingErrors(c);
  return s;
}

function makeLeaf(n: TreeNode): void {
  n.leaf = true;
  n.children = null;
  n.split = null;
  n.dist = n.dist.merged();
}

/** Removes subtrees that do not reduce training error (always runs, -U included). */
export function collapse(n: TreeNode): void {
  if (n.leaf || !n.children) return;
  const errorsOfSubtree = trainingErrors(n);
  const errorsOfTree = n.dist.numIncorrect();
  if (errorsOfSubtree >= errorsOfTree - 1e-3) makeLeaf(n);
  else for (const c of n.children) collapse(c);
}

function estimatedErrorsOfTree(n: TreeNode, cf: number): number {
  if (n.leaf || !n.children) return estimatedErrors(n.dist, cf);
  let s = 0;
  for (const c of n.children) s = s + estimatedErrorsOfTree(c, cf);
  return s;
}

/** Estimated errors if `data` were pushed through the existing subtree `n`. */
function estimatedErrorsForBranch(n: TreeNode, data: RowSet, ctx: TrainContext): number {
  if (splitsAllComplete(n, ctx.complete)) return estimatedErrorsForBranchComplete(n, data, ctx);
  return estimatedErrorsForBranchSplitting(n, data, ctx);
}

/** The general path: the rows split at every node (missing values spread with this data's weights). */
export function estimatedErrorsForBranchSplitting(n: TreeNode, data: RowSet, ctx: TrainContext): number {
  if (n.leaf || !n.children || !n.split) return estimatedErrors(oneBagDistribution(data, ctx.cls, ctx.k), ctx.cf);
  const col = ctx.ds.columns[n.split.attribute];
  // The missing-value weights come from a TEMPORARY distribution computed on `data`.
  const temp = resetDistribution(n.split, col, data, ctx.cls, ctx.k);
  const parts = splitRows(n.split, temp, col, data);
  let errors = 0;
  for (let i = 0; i < n.children.length; i++) errors = errors + estimatedErrorsForBranchSplitting(n.children[i], parts[i], ctx);
  return errors;
}

/** Re-routes `data` through the subtree, recomputing every distribution. */
function newDistribution(n: TreeNode, data: RowSet, ctx: TrainContext): void {
  n.rows = data.rows;
  n.w = data.w;
  if (n.leaf || !n.children || !n.split) {
    n.dist = oneBagDistribution(data, ctx.cls, ctx.k);
    let sum = 0;
    for (let i = 0; i < data.w.length; i++) sum += data.w[i];
    if (!eq(sum, 0)) n.empty = false;
    return;
  }
  const col = ctx.ds.columns[n.split.attribute];
  n.dist = resetDistribution(n.split, col, data, ctx.cls, ctx.k);
  const parts = splitRows(n.split, n.dist, col, data);
  for (let i = 0; i < n.children.length; i++) newDistribution(n.children[i], parts[i], ctx);
}

export function prune(n: TreeNode, ctx: TrainContext): void {
  if (n.leaf || !n.children) return;
  for (const c of n.children) prune(c, ctx);
  const cf = ctx.cf;
  const largest = n.dist.maxBag();
  const data: RowSet = { rows: n.rows as Int32Array, w: n.w as Float64Array };
  const errorsLargestBranch = ctx.opts.subtreeRaising ? estimatedErrorsForBranch(n.children[largest], data, ctx) : Number.MAX_VALUE;
  const errorsLeaf = estimatedErrors(n.dist, cf);
  const errorsTree = estimatedErrorsOfTree(n, cf);
  if (smOrEq(errorsLeaf, errorsTree + 0.1) && smOrEq(errorsLeaf, errorsLargestBranch + 0.1)) {
    makeLeaf(n);
    return;
  }
  if (smOrEq(errorsLargestBranch, errorsTree + 0.1)) {
    // Subtree raising: this node takes over its heaviest son and re-routes all its data.
    const son = n.children[largest];
    n.children = son.children;
    n.split = son.split;
    n.dist = son.dist;
    n.leaf = son.leaf;
    newDistribution(n, data, ctx);
    prune(n, ctx);
  }
}
