/**
 * Numeric split candidate (C45Split.handleNumericAttribute) on a presorted list:
 * binary cut with C4.5 release 8's minimum-per-side rule and MDL penalty.
 */
import { gainRatio, oldEnt } from './criteria';
import { Distribution } from './distribution';
import { INVALID } from './split-nominal';
import type { Candidate } from './split-nominal';
import { gr, log2, logFuncFast, sm, smOrEq } from './weka-utils';

/**
 * Rows sorted ascending by one attribute, missing values last; `nKnown` = count with a value.
 * Each entry's value and class are stored next to it (`vals`, `cls`), so the split search reads
 * memory in order instead of gathering from the whole column by row number (a cache miss per row
 * at district size).
 */
export interface SortedList {
  rows: Int32Array;
  w: Float64Array;
  vals: Float64Array;
  cls: Int32Array;
  nKnown: number;
}

export function numericCandidate(list: SortedList, k: number, minNoObj: number, sumOfWeights: number): Candidate {
  const { w, vals, cls } = list;
  const n = list.nKnown;
  // Bag 0 = left, bag 1 = right; everything starts on the right.
  const b0 = new Float64Array(k);
  const b1 = new Float64Array(k);
  const perClass = new Float64Array(k);
  let p0 = 0;
  let p1 = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = cls[i];
    const wt = w[i];
    b1[c] = b1[c] + wt;
    p1 = p1 + wt;
    perClass[c] = perClass[c] + wt;
    total = total + wt;
  }
  let minSplit = (0.1 * total) / k;
  if (smOrEq(minSplit, minNoObj)) minSplit = minNoObj;
  else if (gr(minSplit, 25)) minSplit = 25;
  if (sm(n, 2 * minSplit)) return INVALID;

  const defaultEnt = oldEnt(perClass, total);
  const unknownFactor = 1 - (sumOfWeights - total) / sumOfWeights;
  let best = 0;
  let splitIndex = -1;
  let numCandidates = 0;
  let last = 0;
  let prev = vals[0];
  for (let next = 1; next < n; next++) {
    const cur = vals[next];
    if (prev + 1e-5 < cur) {
      for (let i = last; i < next; i++) {
        const c = cls[i];
        const wt = w[i];
        b1[c] -= wt;
        b0[c] += wt;
        p1 -= wt;
        p0 += wt;
      }
      // grOrEq(p0, minSplit) && grOrEq(p1, minSplit), inlined: this loop is the hot path.
      if ((minSplit - p0 < 1e-6 || p0 >= minSplit) && (minSplit - p1 < 1e-6 || p1 >= minSplit)) {
        // newEnt over the two bags, in Weka's summation order.
        let r = 0;
        for (let c = 0; c < k; c++) r = r + logFuncFast(b0[c]);
        r = r - logFuncFast(p0);
        for (let c = 0; c < k; c++) r = r + logFuncFast(b1[c]);
        r = r - logFuncFast(p1);
        let num = defaultEnt + r;
        num = unknownFactor * num;
        const g = num === 0 || (num < 1e-6 && num > -1e-6) ? 0 : num / total;
        if (g - best > 1e-6) {
          best = g;
          splitIndex = next - 1;
        }
        numCandidates++;
      }
      last = next;
    }
    prev = cur;
  }
  if (numCandidates === 0) return INVALID;
  const ig = best - log2(numCandidates) / sumOfWeights;
  if (smOrEq(ig, 0)) return { ...INVALID, infoGain: ig };

  const lo = vals[splitIndex];
  const hi = vals[splitIndex + 1];
  let splitPoint = (hi + lo) / 2;
  if (splitPoint === hi) splitPoint = lo;
  const d = new Distribution(2, k);
  for (let i = 0; i <= splitIndex; i++) d.add(0, cls[i], w[i]);
  for (let i = splitIndex + 1; i < n; i++) d.add(1, cls[i], w[i]);
  return { valid: true, infoGain: ig, gainRatio: gainRatio(d, sumOfWeights, ig), dist: d, splitPoint, numSubsets: 2 };
}

/**
 * C45Split.setSplitPoint: the largest value of the attribute in the whole training set
 * (`allCol`, in its original row order) that is smOrEq the threshold, found the way Weka
 * scans: a value replaces the current one only if it is gr (by more than 1e-6). When values
 * 1e-6 apart exist near the answer, that scan's result depends on row order, so we rescan;
 * otherwise a binary search over the sorted distinct values gives the same answer.
 */
export function relocateThreshold(distinctSorted: Float64Array, allCol: Float64Array, t: number): number {
  let lo = 0;
  let hi = distinctSorted.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (smOrEq(distinctSorted[mid], t)) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (ans < 0) return -Number.MAX_VALUE;
  if (ans === 0 || distinctSorted[ans] - distinctSorted[ans - 1] > 2e-6) return distinctSorted[ans];
  let best = -Number.MAX_VALUE;
  for (let r = 0; r < allCol.length; r++) {
    const v = allCol[r];
    if (v === v && gr(v, best) && smOrEq(v, t)) best = v;
  }
  return best;
}
