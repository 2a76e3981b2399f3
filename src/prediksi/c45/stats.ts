/**
 * Weka's pessimistic error estimate (j48.Stats.addErrs) and the Cephes normal inverse
 * (weka.core.Statistics.normalInverse) it uses. The confidence factor is a Java float in
 * J48, so it is narrowed with Math.fround and 1 − CF is evaluated in float arithmetic.
 */
import type { Distribution } from './distribution';
import { eq } from './weka-utils';

const P0 = [-5.99633501014107895267e1, 9.80010754185999661536e1, -5.66762857469070293439e1, 1.39312609387279679503e1, -1.23916583867381258016e0];
const Q0 = [
  1.95448858338141759834e0, 4.67627912898881538453e0, 8.63602421390890590575e1, -2.25462687854119370527e2, 2.00260212380060660359e2,
  -8.20372256168333339912e1, 1.59056225126211695515e1, -1.18331621121330003142e0,
];
const P1 = [
  4.05544892305962419923e0, 3.15251094599893866154e1, 5.71628192246421288162e1, 4.408050738932008347e1, 1.46849561928858024014e1,
  2.18663306850790267539e0, -1.40256079171354495875e-1, -3.50424626827848203418e-2, -8.57456785154685413611e-4,
];
const Q1 = [
  1.57799883256466749731e1, 4.53907635128879210584e1, 4.1317203825467203044e1, 1.50425385692907503408e1, 2.50464946208309415979e0,
  -1.42182922854787788574e-1, -3.80806407691578277194e-2, -9.33259480895457427372e-4,
];
const P2 = [
  3.2377489177694603597e0, 6.91522889068984211695e0, 3.93881025292474443415e0, 1.33303460815807542389e0, 2.01485389549179081538e-1,
  1.23716634817820021358e-2, 3.01581553508235416007e-4, 2.65806974686737550832e-6, 6.2397453918498329373e-9,
];
const Q2 = [
  6.02427039364742014255e0, 3.67983563856160859403e0, 1.37702099489081330271e0, 2.1623699359449663589e-1, 1.34204006088543189037e-2,
  3.28014464682127739104e-4, 2.89247864745380683936e-6, 6.79019408009981274425e-9,
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
