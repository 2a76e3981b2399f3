/** Nominal split candidates: multiway (C45Split) and value-vs-rest (BinC45Split, -B). */
import { gainRatio, infoGain } from './criteria';
import { Distribution } from './distribution';
import { grOrEq, gr } from './weka-utils';

export interface Candidate {
  valid: boolean;
  infoGain: number;
  gainRatio: number;
  dist: Distribution | null;
  /** numeric: midpoint threshold before relocation; binaryNominal: value index. */
  splitPoint: number;
  numSubsets: number;
}

export const INVALID: Candidate = { valid: false, infoGain: 0, gainRatio: 0, dist: null, splitPoint: NaN, numSubsets: 0 };

function knownValueDistribution(values: Float64Array, w: Float64Array, cls: Int32Array, numValues: number, k: number): Distribution {
  const d = new Distribution(numValues, k);
  // Distribution.add per known row, unrolled: each sum still gets its terms in row order.
  const { w: cells, perBag, perClass } = d;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const c = cls[i];
    const wt = w[i];
    const cell = v * k + c;
    cells[cell] = cells[cell] + wt;
    perBag[v] = perBag[v] + wt;
    perClass[c] = perClass[c] + wt;
    total = total + wt;
  }
  d.total = total;
  return d;
}

/** What both nominal split kinds look at, per entry of a node (in its row order): the attribute's value, weight, class. */
export interface NominalSplitInput {
  values: Float64Array;
  w: Float64Array;
  cls: Int32Array;
  numValues: number;
  k: number;
  minNoObj: number;
  sumOfWeights: number;
}

/** One bag per declared value; valid iff at least two bags hold minNoObj. */
export function nominalCandidate({ values, w, cls, numValues, k, minNoObj, sumOfWeights }: NominalSplitInput): Candidate {
  const d = knownValueDistribution(values, w, cls, numValues, k);
  if (!d.check(minNoObj)) return { ...INVALID, dist: d };
  const ig = infoGain(d, sumOfWeights);
  return { valid: true, infoGain: ig, gainRatio: gainRatio(d, sumOfWeights, ig), dist: d, splitPoint: NaN, numSubsets: numValues };
}

/** BinC45Split: best "value = v" vs "value != v" split by gain ratio. */
export function binaryNominalCandidate({ values, w, cls, numValues, k, minNoObj, sumOfWeights }: NominalSplitInput): Candidate {
  const full = knownValueDistribution(values, w, cls, numValues, k);
  let best: Candidate = { ...INVALID, dist: full };
  for (let i = 0; i < numValues; i++) {
    if (!grOrEq(full.perBag[i], minNoObj)) continue;
    const second = full.oneAgainstRest(i);
    if (!second.check(minNoObj)) continue;
    const ig = infoGain(second, sumOfWeights);
    const gr2 = gainRatio(second, sumOfWeights, ig);
    // Weka: `(i == 0) || gr(currGR, m_gainRatio)`, with m_gainRatio starting at 0.
    if (i === 0 || gr(gr2, best.gainRatio)) {
      best = { valid: true, infoGain: ig, gainRatio: gr2, dist: second, splitPoint: i, numSubsets: 2 };
    }
  }
  return best;
}
