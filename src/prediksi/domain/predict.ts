/**
 * A prediction as the API shows it, from the active tree and one student's features: the class,
 * class probabilities, confidence (the largest probability) and the explained path.
 */
import { encodeInstance, explainPath, predict, type C45Tree, type InstanceRecord } from '../c45';
import type { TreeNode } from '../c45/model';
import { whichSubset } from '../c45/route';
import { explain, type ExplanationStep } from './explanation';
import { KATEGORI_PRESTASI } from './feature-catalogue';

export interface PredictionCore {
  prediksi_prestasi: string;
  confidence: number;
  probabilities: Record<string, number>;
  explanation: ExplanationStep[];
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function predictInstance(tree: C45Tree, features: InstanceRecord): PredictionCore {
  const { className, distribution } = predict(tree, features);
  const classes = tree.header.classAttribute.values;
  const sum = distribution.reduce((s, p) => s + p, 0);
  const probabilities: Record<string, number> = Object.fromEntries(KATEGORI_PRESTASI.map((k) => [k, 0]));
  classes.forEach((name, i) => (probabilities[name] = r4(sum > 0 ? distribution[i] / sum : 0)));
  const predicted = className ?? classes[0];
  return {
    prediksi_prestasi: predicted,
    confidence: probabilities[predicted],
    probabilities,
    explanation: explain(explainPath(tree, features)),
  };
}

/** The leaf an instance reaches when every value it is tested on is known; null when one is missing. */
function leafOf(tree: C45Tree, x: Float64Array): TreeNode | null {
  let node = tree.root;
  while (!node.leaf && node.split && node.children) {
    const b = whichSubset(node.split, x[node.split.attribute]);
    if (b < 0) return null;
    node = node.children[b];
  }
  return node;
}

/**
 * A predictor for many students (batch). With every tested value known, class probabilities and the
 * explained path depend only on the leaf reached, so each leaf's answer is computed once and shared:
 * a student then costs one tree walk. A missing value takes the full (weighted, all-branch) route.
 * The returned objects are shared between students: treat them as read-only.
 */
export function leafCachedPredictor(tree: C45Tree): (features: InstanceRecord) => PredictionCore {
  const cache = new Map<TreeNode, PredictionCore>();
  return (features) => {
    const leaf = leafOf(tree, encodeInstance(tree.header, features));
    if (!leaf) return predictInstance(tree, features);
    let answer = cache.get(leaf);
    if (!answer) cache.set(leaf, (answer = predictInstance(tree, features)));
    return answer;
  };
}
