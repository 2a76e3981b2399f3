/**
 * A prediction as the API shows it, from the active tree and one student's features: the class,
 * class probabilities, confidence (the largest probability) and the explained path.
 */
import { explainPath, predict, type C45Tree, type InstanceRecord } from '../c45';
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
