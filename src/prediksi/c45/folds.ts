/**
 * Weka's cross-validation fold layout (Evaluation.crossValidateModel with a seed):
 * randomize(Random(seed)), stratify(k), fold f = a contiguous block; each training part is randomized
 * with the same generator before training (that only advances the RNG state, but it must happen for
 * later folds).
 *
 * `planFolds` lays out every fold's training rows up front, in order: only this uses the shared
 * generator, so the folds themselves are independent and may be trained on any thread, in any order
 * (cheap next to training: one shuffle per fold). The plan's arrays live in a SharedArrayBuffer so
 * worker threads read them without a copy.
 */
import type { C45Dataset } from './dataset';
import { JavaRandom } from './java-random';

function randomize(order: Int32Array, rnd: JavaRandom): void {
  for (let j = order.length - 1; j > 0; j--) {
    const i = rnd.nextInt(j + 1);
    const t = order[j];
    order[j] = order[i];
    order[i] = t;
  }
}

/** Instances.stratify: group equal classes by Weka's swap scan, then deal them out in `folds` strides. */
function stratify(order: Int32Array, classes: Int32Array, folds: number): Int32Array {
  const n = order.length;
  let index = 1;
  while (index < n) {
    const c1 = classes[order[index - 1]];
    for (let j = index; j < n; j++) {
      if (classes[order[j]] === c1) {
        const t = order[index];
        order[index] = order[j];
        order[j] = t;
        index++;
      }
    }
    index++;
  }
  const out = new Int32Array(n);
  let m = 0;
  for (let start = 0; start < folds && m < n; start++) for (let j = start; j < n; j += folds) out[m++] = order[j];
  return out;
}

/** Weka's fold layout: 0-based row numbers per test fold, plus the RNG used after it. */
export function wekaFolds(ds: C45Dataset, folds: number, seed: number): { order: Int32Array; rnd: JavaRandom } {
  const rnd = new JavaRandom(seed);
  let order: Int32Array = new Int32Array(ds.numInstances);
  for (let i = 0; i < order.length; i++) order[i] = i;
  randomize(order, rnd);
  order = stratify(order, ds.classes, folds);
  return { order, rnd };
}

export interface FoldPlan {
  readonly folds: number;
  readonly seed: number;
  /** Weka's fold layout: fold f's test rows are `order[testStart[f] .. testStart[f + 1])`. */
  readonly order: Int32Array;
  readonly testStart: Int32Array;
  /** Fold f's training rows, randomized as Weka does: `train[trainStart[f] .. trainStart[f + 1])`. */
  readonly train: Int32Array;
  readonly trainStart: Int32Array;
}

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Math.max(1, n) * Int32Array.BYTES_PER_ELEMENT), 0, n);
}

export function planFolds(ds: C45Dataset, folds: number, seed: number): FoldPlan {
  const n = ds.numInstances;
  const { order: weka, rnd } = wekaFolds(ds, folds, seed);
  const order = sharedInt32(n);
  order.set(weka);
  const testStart = sharedInt32(folds + 1);
  const trainStart = sharedInt32(folds + 1);
  const base = Math.floor(n / folds);
  const rest = n % folds;
  for (let f = 0; f < folds; f++) {
    const size = base + (f < rest ? 1 : 0);
    testStart[f + 1] = testStart[f] + size;
    trainStart[f + 1] = trainStart[f] + (n - size);
  }
  const train = sharedInt32(trainStart[folds]);
  for (let f = 0; f < folds; f++) {
    const first = testStart[f];
    const last = testStart[f + 1];
    const part = train.subarray(trainStart[f], trainStart[f + 1]);
    part.set(order.subarray(0, first), 0);
    part.set(order.subarray(last), first);
    randomize(part, rnd);
  }
  return { folds, seed, order, testStart, train, trainStart };
}

export function foldTestRows(plan: FoldPlan, f: number): Int32Array {
  return plan.order.subarray(plan.testStart[f], plan.testStart[f + 1]);
}

