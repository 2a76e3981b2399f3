/**
 * Sending instances down a split (ClassifierSplitModel.whichSubset / weights / split)
 * and recomputing a split's distribution for other data (resetDistribution).
 */
import { Distribution } from './distribution';
import type { SplitModel } from './model';
import { gr, smOrEq } from './weka-utils';

/** Branch of a value at a split; -1 when the value is missing. */
export function whichSubset(s: SplitModel, v: number): number {
  if (Number.isNaN(v)) return -1;
  switch (s.kind) {
    case 'numeric':
      return smOrEq(v, s.splitPoint) ? 0 : 1;
    case 'binaryNominal':
      return v === s.splitPoint ? 0 : 1;
    default:
      return v;
  }
}

/** Fractions used for an instance whose split value is missing: perBag / total. */
export function missingFractions(d: Distribution): Float64Array {
  const f = new Float64Array(d.numBags);
  for (let b = 0; b < d.numBags; b++) f[b] = d.perBag[b] / d.total;
  return f;
}

export interface RowSet {
  rows: Int32Array;
  w: Float64Array;
}

/** Splits a row set: known values to their branch, missing ones to every branch with gr(p,0), weighted. */
export function splitRows(s: SplitModel, d: Distribution, col: Float64Array, data: RowSet): RowSet[] {
  const nb = s.numSubsets;
  const p = missingFractions(d);
  const counts = new Int32Array(nb);
  const br = new Int32Array(data.rows.length);
  for (let i = 0; i < data.rows.length; i++) {
    const b = whichSubset(s, col[data.rows[i]]);
    br[i] = b;
    if (b >= 0) counts[b]++;
    else for (let j = 0; j < nb; j++) if (gr(p[j], 0)) counts[j]++;
  }
  const out: RowSet[] = [];
  for (let j = 0; j < nb; j++) out.push({ rows: new Int32Array(counts[j]), w: new Float64Array(counts[j]) });
  const fill = new Int32Array(nb);
  for (let i = 0; i < data.rows.length; i++) {
    const b = br[i];
    if (b >= 0) {
      const t = out[b];
      t.rows[fill[b]] = data.rows[i];
      t.w[fill[b]++] = data.w[i];
    } else {
      for (let j = 0; j < nb; j++) {
        if (!gr(p[j], 0)) continue;
        const t = out[j];
        t.rows[fill[j]] = data.rows[i];
        t.w[fill[j]++] = p[j] * data.w[i];
      }
    }
  }
  return out;
}

/** Distribution(Instances): all weights in one bag, summed in data order. */
export function oneBagDistribution(data: RowSet, cls: Int32Array, k: number): Distribution {
  const d = new Distribution(1, k);
  // Distribution.add per row, unrolled: each sum still gets its terms in data order.
  const { rows, w } = data;
  const perClass = d.perClass;
  let total = 0;
  for (let i = 0; i < rows.length; i++) {
    const c = cls[rows[i]];
    const wt = w[i];
    perClass[c] = perClass[c] + wt;
    total = total + wt;
  }
  d.w.set(perClass);
  d.perBag[0] = total;
  d.total = total;
  return d;
}

/**
 * C45Split.resetDistribution: known values into their bag, then the missing ones spread
 * in proportion to the known bag weights of THIS data (addInstWithUnknown).
 */
export function resetDistribution(s: SplitModel, col: Float64Array, data: RowSet, cls: Int32Array, k: number): Distribution {
  const d = new Distribution(s.numSubsets, k);
  for (let i = 0; i < data.rows.length; i++) {
    const b = whichSubset(s, col[data.rows[i]]);
    if (b >= 0) d.add(b, cls[data.rows[i]], data.w[i]);
  }
  d.addInstWithUnknown(data.rows, data.w, col, cls);
  return d;
}
