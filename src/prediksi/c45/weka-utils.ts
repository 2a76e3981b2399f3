/**
 * Weka's tolerant comparisons and number formatting (weka.core.Utils), copied exactly:
 * J48's ties are decided by these 1e-6 tolerances, so any deviation changes trees.
 */
export const SMALL = 1e-6;

export function eq(a: number, b: number): boolean {
  return a === b || (a - b < SMALL && b - a < SMALL);
}
export function gr(a: number, b: number): boolean {
  return a - b > SMALL;
}
export function grOrEq(a: number, b: number): boolean {
  return b - a < SMALL || a >= b;
}
export function sm(a: number, b: number): boolean {
  return b - a > SMALL;
}
export function smOrEq(a: number, b: number): boolean {
  return a - b < SMALL || a <= b;
}

const LN2 = Math.log(2);

/** EntropyBasedSplitCrit.logFunc: n·log2(n), 0 below 1e-6 (strict, no tolerance). */
export function logFunc(n: number): number {
  return n < 1e-6 ? 0 : (n * Math.log(n)) / LN2;
}

/**
 * logFunc through a lazily grown table for integral arguments (the common case: unit
 * weights). The table holds exactly what logFunc computes, so results are bit-identical.
 */
let lfTable = new Float64Array(0);
export function logFuncFast(n: number): number {
  if (n < 1e-6) return 0;
  const i = n | 0;
  if (i === n) {
    if (i >= lfTable.length) {
      if (i > 1 << 24) return (n * Math.log(n)) / LN2;
      const t = new Float64Array(Math.max(1024, 2 * i));
      t.set(lfTable);
      for (let j = Math.max(1, lfTable.length); j < t.length; j++) t[j] = (j * Math.log(j)) / LN2;
      lfTable = t;
    }
    return lfTable[i];
  }
  return (n * Math.log(n)) / LN2;
}

export function log2(x: number): number {
  return Math.log(x) / LN2;
}

/** Utils.roundDouble: Java Math.round (floor(x + 0.5)) on value·10^d, divided back. */
export function roundDouble(value: number, afterDecimalPoint: number): number {
  const mask = Math.pow(10, afterDecimalPoint);
  return Math.floor(value * mask + 0.5) / mask;
}

/**
 * Java's Double.toString for the values J48 prints (counts, thresholds): at least one
 * digit after the point, scientific notation ("1.0E7") outside [1e-3, 1e7).
 */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  // Scientific: JS gives "1e+21" / "1.5e-7"; Java gives "1.0E21" / "1.5E-7".
  const [mant, exp] = x.toExponential().split('e');
  const m = mant.includes('.') ? mant : `${mant}.0`;
  const e = exp.startsWith('+') ? exp.slice(1) : exp;
  return `${m}E${e}`;
}

/**
 * Utils.doubleToString(value, afterDecimalPoint): round half-up to a fixed number of
 * decimals, then strip trailing zeros and a bare point ("75.0" -> "75").
 */
export function doubleToString(value: number, afterDecimalPoint: number): string {
  const temp = value * Math.pow(10, afterDecimalPoint);
  if (!(Math.abs(temp) < 9.223372036854776e18)) return javaDoubleToString(value);
  const precisionValue = temp > 0 ? Math.floor(temp + 0.5) : -Math.floor(Math.abs(temp) + 0.5);
  const negative = precisionValue < 0;
  let digits = String(Math.abs(precisionValue));
  if (afterDecimalPoint === 0) return (negative ? '-' : '') + digits;
  while (digits.length <= afterDecimalPoint) digits = `0${digits}`;
  const intPart = digits.slice(0, digits.length - afterDecimalPoint);
  const frac = digits.slice(digits.length - afterDecimalPoint).replace(/0+$/, '');
  const body = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  return negative && precisionValue !== 0 ? `-${body}` : body;
}
