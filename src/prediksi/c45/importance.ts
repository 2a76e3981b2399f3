/**
 * Per-attribute importance.
 *
 * Definition (documented for users of the prediction API): for every internal node,
 *   contribution = (W_node / W_root) × gain(node)
 * where W is the training weight at the node in the final (pruned) tree and
 *   gain(node) = H(class at node) − Σ_b (W_b / W_node) · H(class in branch b)
 * in bits, computed from the node's final split distribution (missing values already spread
 * over the branches). An attribute's importance is the sum of its nodes' contributions,
 * normalised so all importances sum to 1 (all 0 when the tree is a single leaf). This is the
 * entropy analogue of "mean decrease in impurity": attributes that separate many instances
 * well near the root score highest; attributes absent from the tree score 0.
 */
import type { C45Tree, TreeNode } from './model';
import { logFunc } from './weka-utils';

export interface AttributeImportance {
  readonly attribute: string;
  readonly importance: number;
}

function nodeGain(n: TreeNode): number {
  const d = n.dist;
  if (d.total <= 0) return 0;
  let before = logFunc(d.total);
  for (let c = 0; c < d.numClasses; c++) before -= logFunc(d.perClass[c]);
  let after = 0;
  for (let b = 0; b < d.numBags; b++) {
    after += logFunc(d.perBag[b]);
    for (let c = 0; c < d.numClasses; c++) after -= logFunc(d.get(b, c));
  }
  // Both are N·entropy sums; divide by N for bits per instance. Clamp FP noise below 0.
  return Math.max(0, (before - after) / d.total);
}

/** Importances in header attribute order. */
export function featureImportance(tree: C45Tree): AttributeImportance[] {
  const raw = new Float64Array(tree.header.attributes.length);
  const rootW = tree.root.dist.total;
  const walk = (n: TreeNode): void => {
    if (n.leaf || !n.children || !n.split) return;
    if (rootW > 0) raw[n.split.attribute] += (n.dist.total / rootW) * nodeGain(n);
    for (const c of n.children) walk(c);
  };
  walk(tree.root);
  let sum = 0;
  for (const v of raw) sum += v;
  return tree.header.attributes.map((a, i) => ({ attribute: a.name, importance: sum > 0 ? raw[i] / sum : 0 }));
}
