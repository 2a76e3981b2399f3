/**
 * Weka's pessimistic error estimate (j48.Stats.addErrs) and the Cephes normal inverse
 * (weka.core.Statistics.normalInverse) it uses. The confidence factor is a Java float in
 * J48, so it is narrowed with Math.fround and 1 − CF is evaluated in float arithmetic.
 */
import type { Distribution } from './distribution';
import { eq } from './weka-utils';

// Cephes ndtri coefficients from weka.core.Statistics, written as the shortest literals of
// the same doubles (the Java source has more digits than a double holds).
const P0 = [-59.96335010141079, 98.00107541859997, -56.67628574690703, 13.931260938727968, -1.2391658386738125];
const Q0 = [
  1.9544885833814176, 4.676279128988815, 86.36024213908905, -225.46268785411937, 200.26021238006066,
  -82.03722561683334, 15.90562251262117, -1.1833162112133,
];
const P1 = [
  4.0554489230596245, 31.525109459989388, 57.16281922464213, 44.08050738932008, 14.684956192885803,
  2.1866330685079025, -0.1402560791713545, -0.03504246268278482, -0.0008574567851546854,
];
const Q1 = [
  15.779988325646675, 45.39076351288792, 41.3172038254672, 15.04253856929075, 2.504649462083094,
  -0.14218292285478779, -0.03808064076915783, -0.0009332594808954574,
];
const P2 = [
  3.2377489177694603, 6.915228890689842, 3.9388102529247444, 1.3330346081580755, 0.20148538954917908,
  0.012371663481782003, 0.00030158155350823543, 0.0000026580697468673755, 6.239745391849833e-9,
];
const Q2 = [
  6.02427039364742, 3.6798356385616087, 1.3770209948908132, 0.21623699359449663, 0.013420400608854318,
  0.00032801446468212774, 0.0000028924786474538068, 6.790194080099813e-9,
];

function polevl(x: number, coef: number[], n: number): number {
  let ans = coef[0];
  for (let i = 1; i <= n; i++) ans = ans * x + coef[i];
  return ans;
}
function p1evl(x: number, coef: number[], n: number): number {
  let ans = x + coef[0];
  for (let i = 1; i < n; i++) ans = ans * x + coef[i];
  return ans;
}

/** Cephes ndtri: the x with Φ(x) = y0, for 0 < y0 < 1. */
export function normalInverse(y0: number): number {
  if (!(y0 > 0 && y0 < 1)) throw new RangeError(`normalInverse: ${y0} is not in (0, 1)`);
  const s2pi = Math.sqrt(2 * Math.PI);
  let code = 1;
  let y = y0;
  if (y > 1.0 - 0.1353352832366127) {
    y = 1.0 - y;
    code = 0;
  }
  if (y > 0.1353352832366127) {
    y = y - 0.5;
    const y2 = y * y;
    let x = y + y * ((y2 * polevl(y2, P0, 4)) / p1evl(y2, Q0, 8));
    x = x * s2pi;
    return x;
  }
  let x = Math.sqrt(-2.0 * Math.log(y));
  const x0 = x - Math.log(x) / x;
  const z = 1.0 / x;
  const x1 = x < 8.0 ? (z * polevl(z, P1, 8)) / p1evl(z, Q1, 8) : (z * polevl(z, P2, 8)) / p1evl(z, Q2, 8);
  x = x0 - x1;
  if (code !== 0) x = -x;
  return x;
}

const zCache = new Map<number, number>();
function zFor(cf: number): number {
  let z = zCache.get(cf);
  if (z === undefined) {
    z = normalInverse(Math.fround(1 - cf));
    zCache.set(cf, z);
  }
  return z;
}

/**
 * Extra errors to add to `e` observed errors out of `n` (upper confidence limit).
 * `cf` must already be the float32 value (Math.fround of the option).
 */
export function addErrs(n: number, e: number, cf: number): number {
  if (cf > 0.5) return 0;
  if (e < 1) {
    const base = n * (1 - Math.pow(cf, 1 / n));
    if (e === 0) return base;
    return base + e * (addErrs(n, 1, cf) - base);
  }
  if (e + 0.5 >= n) return Math.max(n - e, 0);
  const z = zFor(cf);
  const f = (e + 0.5) / n;
  const r = (f + (z * z) / (2 * n) + z * Math.sqrt(f / n - (f * f) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return r * n - e;
}

/** getEstimatedErrorsForDistribution: observed + pessimistic extra errors. */
export function estimatedErrors(d: Distribution, cf: number): number {
  if (eq(d.total, 0)) return 0;
  const e = d.numIncorrect();
  return e + addErrs(d.total, e, cf);
}
