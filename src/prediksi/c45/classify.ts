/**
 * Class distribution for an instance (ClassifierTree.getProbs / getProbsLaplace):
 * a missing split value sends the instance down every non-empty branch with the split's
 * branch fractions; an empty branch answers with the parent's distribution for that bag.
 */
import type { C45Tree, TreeNode } from './model';
import { missingFractions, whichSubset } from './route';

function probs(node: TreeNode, x: ArrayLike<number>, c: number, weight: number, laplace: boolean): number {
  if (node.leaf || !node.children || !node.split) {
    return weight * (laplace ? node.dist.laplaceProb(c) : node.dist.prob(c));
  }
  const b = whichSubset(node.split, x[node.split.attribute]);
  if (b === -1) {
    const f = missingFractions(node.dist);
    let p = 0;
    for (let i = 0; i < node.children.length; i++) {
      if (!node.children[i].empty) p += probs(node.children[i], x, c, f[i] * weight, laplace);
    }
    return p;
  }
  const son = node.children[b];
  if (son.empty) return weight * (laplace ? node.dist.laplaceProbInBag(c, b) : node.dist.probInBag(c, b));
  return probs(son, x, c, weight, laplace);
}

/**
 * J48.distributionForInstance. `x` holds predictor values in the header's attribute
 * order (nominal = value index, NaN = missing). Not renormalised, exactly like Weka.
 */
export function distributionForInstance(tree: C45Tree, x: ArrayLike<number>, laplace = tree.options.laplace): number[] {
  const k = tree.header.classAttribute.values.length;
  const out: number[] = new Array<number>(k);
  for (let c = 0; c < k; c++) out[c] = probs(tree.root, x, c, 1, laplace);
  return out;
}

/** Weka Evaluation's prediction: first strict maximum, -1 when every probability is 0. */
export function predictedIndex(dist: ArrayLike<number>): number {
  let best = -1;
  let bestProb = 0;
  for (let i = 0; i < dist.length; i++) {
    if (dist[i] > bestProb) {
      best = i;
      bestProb = dist[i];
    }
  }
  return best;
}
