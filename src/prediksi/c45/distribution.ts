import { eq, gr, grOrEq } from './weka-utils';

/**
 * Weka's j48.Distribution: a bags × classes weight matrix plus running sums.
 * The sums are updated incrementally on every add/subtract and never recomputed,
 * because J48's printed counts and tie-breaks depend on that exact summation.
 */
export class Distribution {
  readonly numBags: number;
  readonly numClasses: number;
  /** Bag-major weights: w[bag * numClasses + cls]. */
  readonly w: Float64Array;
  readonly perBag: Float64Array;
  readonly perClass: Float64Array;
  total = 0;

  constructor(numBags: number, numClasses: number) {
    this.numBags = numBags;
    this.numClasses = numClasses;
    this.w = new Float64Array(numBags * numClasses);
    this.perBag = new Float64Array(numBags);
    this.perClass = new Float64Array(numClasses);
  }

  static fromArrays(w: ArrayLike<number>[], perBag: ArrayLike<number>, perClass: ArrayLike<number>, total: number): Distribution {
    const d = new Distribution(perBag.length, perClass.length);
    for (let b = 0; b < d.numBags; b++) for (let c = 0; c < d.numClasses; c++) d.w[b * d.numClasses + c] = w[b][c];
    d.perBag.set(perBag);
    d.perClass.set(perClass);
    d.total = total;
    return d;
  }

  /** Distribution(Distribution): everything merged into one bag (used by NoSplit leaves). */
  merged(): Distribution {
    const d = new Distribution(1, this.numClasses);
    d.total = this.total;
    d.perClass.set(this.perClass);
    d.w.set(this.perClass);
    d.perBag[0] = this.total;
    return d;
  }

  /** Distribution(Distribution, index): bag 0 = bag `index`, bag 1 = all others (binary nominal splits). */
  oneAgainstRest(index: number): Distribution {
    const k = this.numClasses;
    const d = new Distribution(2, k);
    d.total = this.total;
    d.perClass.set(this.perClass);
    for (let c = 0; c < k; c++) d.w[c] = this.w[index * k + c];
    for (let c = 0; c < k; c++) {
      for (let b = 0; b < this.numBags; b++) if (b !== index) d.w[k + c] = d.w[k + c] + this.w[b * k + c];
    }
    d.perBag[0] = this.perBag[index];
    d.perBag[1] = d.total - d.perBag[0];
    return d;
  }

  add(bag: number, cls: number, weight: number): void {
    const i = bag * this.numClasses + cls;
    this.w[i] = this.w[i] + weight;
    this.perBag[bag] = this.perBag[bag] + weight;
    this.perClass[cls] = this.perClass[cls] + weight;
    this.total = this.total + weight;
  }

  /** addWeights: one instance spread over all bags with the given fractions. */
  addWeights(cls: number, weight: number, fractions: ArrayLike<number>): void {
    for (let b = 0; b < this.numBags; b++) {
      const ww = weight * fractions[b];
      const i = b * this.numClasses + cls;
      this.w[i] = this.w[i] + ww;
      this.perBag[b] = this.perBag[b] + ww;
      this.perClass[cls] = this.perClass[cls] + ww;
      this.total = this.total + ww;
    }
  }

  /**
   * addInstWithUnknown: instances whose split attribute (`col`) is missing are spread over the
   * bags in proportion to the known bag weights (computed once, before any is added).
   */
  addInstWithUnknown(rows: Int32Array, weights: Float64Array, col: Float64Array, cls: Int32Array): void {
    const nb = this.numBags;
    const k = this.numClasses;
    const probs = new Float64Array(nb);
    for (let b = 0; b < nb; b++) probs[b] = eq(this.total, 0) ? 1 / nb : this.perBag[b] / this.total;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (col[row] === col[row]) continue; // only rows whose split value is missing (NaN)
      const c = cls[row];
      const weight = weights[i];
      this.perClass[c] = this.perClass[c] + weight;
      this.total = this.total + weight;
      for (let b = 0; b < nb; b++) {
        const nw = probs[b] * weight;
        this.w[b * k + c] = this.w[b * k + c] + nw;
        this.perBag[b] = this.perBag[b] + nw;
      }
    }
  }

  get(bag: number, cls: number): number {
    return this.w[bag * this.numClasses + cls];
  }

  /** Largest perClass by `gr`; the first maximum wins, 0 when all are 0. */
  maxClass(): number {
    let maxCount = 0;
    let maxIndex = 0;
    for (let c = 0; c < this.numClasses; c++) {
      if (gr(this.perClass[c], maxCount)) {
        maxCount = this.perClass[c];
        maxIndex = c;
      }
    }
    return maxIndex;
  }

  maxClassInBag(bag: number): number {
    if (!gr(this.perBag[bag], 0)) return this.maxClass();
    let maxCount = 0;
    let maxIndex = 0;
    const off = bag * this.numClasses;
    for (let c = 0; c < this.numClasses; c++) {
      if (gr(this.w[off + c], maxCount)) {
        maxCount = this.w[off + c];
        maxIndex = c;
      }
    }
    return maxIndex;
  }

  /** Heaviest bag, scanning with grOrEq so the LAST of equal bags wins (subtree raising). */
  maxBag(): number {
    let max = 0;
    let maxIndex = -1;
    for (let b = 0; b < this.numBags; b++) {
      if (grOrEq(this.perBag[b], max)) {
        max = this.perBag[b];
        maxIndex = b;
      }
    }
    return maxIndex;
  }

  numIncorrect(): number {
    return this.total - this.perClass[this.maxClass()];
  }

  numIncorrectInBag(bag: number): number {
    return this.perBag[bag] - this.w[bag * this.numClasses + this.maxClassInBag(bag)];
  }

  prob(cls: number): number {
    return !eq(this.total, 0) ? this.perClass[cls] / this.total : 0;
  }

  probInBag(cls: number, bag: number): number {
    return gr(this.perBag[bag], 0) ? this.w[bag * this.numClasses + cls] / this.perBag[bag] : this.prob(cls);
  }

  laplaceProb(cls: number): number {
    return (this.perClass[cls] + 1) / (this.total + this.numClasses);
  }

  laplaceProbInBag(cls: number, bag: number): number {
    return gr(this.perBag[bag], 0)
      ? (this.w[bag * this.numClasses + cls] + 1) / (this.perBag[bag] + this.numClasses)
      : this.laplaceProb(cls);
  }

  /** Whether at least two bags hold minNoObj weight (Distribution.check). */
  check(minNoObj: number): boolean {
    let counter = 0;
    for (let b = 0; b < this.numBags; b++) if (grOrEq(this.perBag[b], minNoObj)) counter++;
    return counter > 1;
  }

  bagsAsArrays(): number[][] {
    const out: number[][] = [];
    for (let b = 0; b < this.numBags; b++) out.push(Array.from(this.w.subarray(b * this.numClasses, (b + 1) * this.numClasses)));
    return out;
  }
}
