/**
 * InfoGainSplitCrit / GainRatioSplitCrit on Weka's unnormalised "N·entropy" sums.
 * The summation order follows the Java code so results agree to the last bit where possible.
 */
import type { Distribution } from './distribution';
import { eq, gr, logFuncFast as logFunc } from './weka-utils';

export function oldEnt(perClass: ArrayLike<number>, total: number): number {
  let r = 0;
  for (let c = 0; c < perClass.length; c++) r = r + logFunc(perClass[c]);
  return logFunc(total) - r;
}

export function newEnt(d: Distribution): number {
  let r = 0;
  const k = d.numClasses;
  for (let b = 0; b < d.numBags; b++) {
    for (let c = 0; c < k; c++) r = r + logFunc(d.w[b * k + c]);
    r = r - logFunc(d.perBag[b]);
  }
  return -r;
}

/** Information gain discounted by the fraction of weight with a known value. */
export function infoGain(d: Distribution, totalNoInst: number, old?: number): number {
  const noUnknown = totalNoInst - d.total;
  const unknownRate = noUnknown / totalNoInst;
  let numerator = (old ?? oldEnt(d.perClass, d.total)) - newEnt(d);
  numerator = (1 - unknownRate) * numerator;
  if (eq(numerator, 0)) return 0;
  return numerator / d.total;
}

/** Split information with the unknown weight as one more bag. */
export function splitEnt(d: Distribution, totalNoInst: number): number {
  let r = 0;
  if (gr(d.total, 0)) {
    for (let b = 0; b < d.numBags; b++) r = r - logFunc(d.perBag[b]);
    r = r - logFunc(totalNoInst - d.total);
    r = r + logFunc(totalNoInst);
  }
  return r;
}

export function gainRatio(d: Distribution, totalNoInst: number, gain: number): number {
  let den = splitEnt(d, totalNoInst);
  if (eq(den, 0)) return 0;
  den = den / totalNoInst;
  return gain / den;
}
