/**
 * How far a model's probabilities can be taken at their word, from its cross-validated predictions:
 * the Brier score (mean squared distance between the probability vector and the one-hot truth; 0 is
 * perfect, 2 the worst for a confident mistake) and the expected calibration error over 10 equal
 * confidence bins (|accuracy − mean confidence| per bin, weighted by the bin's share of rows).
 */
import { predictedIndex } from '../c45/classify';

export const CALIBRATION_BINS = 10;

export interface CalibrationBin {
  /** Confidence range [lower, upper); the last bin includes 1. */
  lower: number;
  upper: number;
  count: number;
  mean_confidence: number | null;
  accuracy: number | null;
}

export interface CalibrationScores {
  brier: number;
  ece: number;
  bins: CalibrationBin[];
}

export type LeafEstimate = 'plain' | 'laplace';

export interface CalibrationReport {
  /** Which leaf estimate the model itself predicts with. */
  used: LeafEstimate;
  plain: CalibrationScores;
  laplace: CalibrationScores;
  /** The lower ECE (Brier breaks a tie): the setting to train with when probabilities matter. */
  better: LeafEstimate;
  rows: number;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Weka's distributions are not renormalised; scores use the probabilities the API shows (summing to 1). */
function normalised(dist: ArrayLike<number>): number[] {
  let sum = 0;
  for (let i = 0; i < dist.length; i++) sum += dist[i];
  return Array.from(dist, (p) => (sum > 0 ? p / sum : 0));
}

/** `actual[r]`: class index of row r (rows with a negative index are skipped); `dists[r]`: its predicted distribution. */
export function calibrationScores(
  actual: ArrayLike<number>,
  dists: ReadonlyArray<ArrayLike<number>>,
  binCount = CALIBRATION_BINS,
): CalibrationScores {
  const count = new Array<number>(binCount).fill(0);
  const confSum = new Array<number>(binCount).fill(0);
  const correct = new Array<number>(binCount).fill(0);
  let brier = 0;
  let n = 0;
  for (let r = 0; r < actual.length; r++) {
    if (actual[r] < 0) continue;
    const p = normalised(dists[r]);
    for (let c = 0; c < p.length; c++) brier += (p[c] - (c === actual[r] ? 1 : 0)) ** 2;
    const predicted = predictedIndex(p);
    const confidence = predicted < 0 ? 0 : p[predicted];
    const b = Math.min(binCount - 1, Math.floor(confidence * binCount));
    count[b]++;
    confSum[b] += confidence;
    if (predicted === actual[r]) correct[b]++;
    n++;
  }
  let ece = 0;
  const bins: CalibrationBin[] = count.map((k, b) => {
    if (k > 0) ece += (k / n) * Math.abs(correct[b] / k - confSum[b] / k);
    return {
      lower: r4(b / binCount),
      upper: r4((b + 1) / binCount),
      count: k,
      mean_confidence: k ? r4(confSum[b] / k) : null,
      accuracy: k ? r4(correct[b] / k) : null,
    };
  });
  return { brier: n ? r4(brier / n) : 0, ece: r4(ece), bins };
}

export function calibrationReport(
  actual: ArrayLike<number>,
  byLeafEstimate: { plain: ReadonlyArray<ArrayLike<number>>; laplace: ReadonlyArray<ArrayLike<number>> },
  used: LeafEstimate,
): CalibrationReport {
  const plain = calibrationScores(actual, byLeafEstimate.plain);
  const laplace = calibrationScores(actual, byLeafEstimate.laplace);
  const laplaceBetter = laplace.ece < plain.ece || (laplace.ece === plain.ece && laplace.brier < plain.brier);
  let rows = 0;
  for (let r = 0; r < actual.length; r++) if (actual[r] >= 0) rows++;
  return { used, plain, laplace, better: laplaceBetter ? 'laplace' : 'plain', rows };
}
