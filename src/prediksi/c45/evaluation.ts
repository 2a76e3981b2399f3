/**
 * Weka-exact stratified k-fold cross-validation (Evaluation.crossValidateModel with a
 * seed) and the usual metrics. Fold assignment: randomize(Random(seed)), stratify(k),
 * fold f = a contiguous block; each training part is randomized with the same generator
 * before training (that only advances the RNG state, but it must happen for later folds).
 */
import { predictedIndex } from './classify';
import type { C45Dataset } from './dataset';
import { subsetRows } from './dataset';
import { C45InputError } from './errors';
import { JavaRandom } from './java-random';
import type { C45Options, C45Tree } from './model';
import { resolveOptions } from './model';
import { RowClassifier } from './row-classifier';
import { buildTree } from './tree';

export interface ClassMetrics {
  readonly className: string;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Weight of instances whose actual class is this one. */
  readonly support: number;
}

export interface EvaluationResult {
  /** Weighted number of correctly classified instances. */
  readonly correct: number;
  readonly incorrect: number;
  readonly unclassified: number;
  /** Weight of scored instances (class known). */
  readonly total: number;
  /** correct / total. */
  readonly accuracy: number;
  readonly classNames: readonly string[];
  /** confusion[actual][predicted], weighted counts. */
  readonly confusion: number[][];
  readonly perClass: readonly ClassMetrics[];
  /** Averages weighted by each class's support (Weka's "Weighted Avg."). */
  readonly weighted: { readonly precision: number; readonly recall: number; readonly f1: number };
}

export interface CrossValidationResult extends EvaluationResult {
  readonly folds: number;
  readonly seed: number;
  /** Per fold, the 0-based row numbers of its test instances, in Weka's order. */
  readonly foldRows: number[][];
  /**
   * Per row (0-based, dataset order): the CV class distribution it received. Rows that reached the
   * same leaf of the same fold's tree share one array (read-only).
   */
  readonly distributions: ReadonlyArray<readonly number[]>;
  /**
   * Only with `bothLeafEstimates`: per row, the distribution of the same fold's tree with plain and
   * with Laplace leaf estimates (-A changes no split, only leaf probabilities), for calibration.
   */
  readonly byLeafEstimate?: { readonly plain: ReadonlyArray<readonly number[]>; readonly laplace: ReadonlyArray<readonly number[]> };
}

export interface CrossValidationExtras {
  /** Also classify every held-out row with both leaf estimates (see `byLeafEstimate`). */
  bothLeafEstimates?: boolean;
}

/** Accumulates predictions like weka.classifiers.Evaluation. */
export class Evaluator {
  private readonly k: number;
  private readonly classNames: readonly string[];
  private readonly confusion: number[][];
  private unclassified = 0;
  private withClass = 0;

  constructor(classNames: readonly string[]) {
    this.classNames = classNames;
    this.k = classNames.length;
    this.confusion = classNames.map(() => new Array<number>(classNames.length).fill(0));
  }

  add(actual: number, dist: ArrayLike<number>, weight = 1): void {
    if (actual < 0) return;
    this.withClass += weight;
    const p = predictedIndex(dist);
    if (p < 0) {
      this.unclassified += weight;
      return;
    }
    this.confusion[actual][p] += weight;
  }

  result(): EvaluationResult {
    const { k, confusion } = this;
    let correct = 0;
    let classified = 0;
    for (let a = 0; a < k; a++) {
      correct += confusion[a][a];
      for (let p = 0; p < k; p++) classified += confusion[a][p];
    }
    const perClass: ClassMetrics[] = [];
    let wp = 0;
    let wr = 0;
    let wf = 0;
    let supportSum = 0;
    for (let c = 0; c < k; c++) {
      let predicted = 0;
      let actual = 0;
      for (let i = 0; i < k; i++) {
        predicted += confusion[i][c];
        actual += confusion[c][i];
      }
      const tp = confusion[c][c];
      const precision = predicted === 0 ? 0 : tp / predicted;
      const recall = actual === 0 ? 0 : tp / actual;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      perClass.push({ className: this.classNames[c], precision, recall, f1, support: actual });
      wp += precision * actual;
      wr += recall * actual;
      wf += f1 * actual;
      supportSum += actual;
    }
    const total = this.withClass;
    return {
      correct,
      incorrect: classified - correct,
      unclassified: this.unclassified,
      total,
      accuracy: total === 0 ? 0 : correct / total,
      classNames: this.classNames,
      confusion: confusion.map((r) => [...r]),
      perClass,
      weighted: supportSum === 0 ? { precision: 0, recall: 0, f1: 0 } : { precision: wp / supportSum, recall: wr / supportSum, f1: wf / supportSum },
    };
  }
}

/** Evaluates a trained tree on a dataset with the same header. */
export function evaluateOn(tree: C45Tree, ds: C45Dataset): EvaluationResult {
  const names = tree.header.attributes.map((a) => a.name).join('\u0000');
  if (names !== ds.attributes.map((a) => a.name).join('\u0000') || ds.classAttribute.values.join('\u0000') !== tree.header.classAttribute.values.join('\u0000')) {
    throw new C45InputError('INVALID_INPUT', 'the dataset does not have the attributes and class values the tree was trained on');
  }
  const ev = new Evaluator(ds.classAttribute.values);
  const rows = new RowClassifier(tree, ds);
  for (let r = 0; r < ds.numInstances; r++) ev.add(ds.classes[r], rows.distribution(r), ds.weights[r]);
  return ev.result();
}

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

export function crossValidate(ds: C45Dataset, options: C45Options = {}, folds = 10, seed = 1, extras: CrossValidationExtras = {}): CrossValidationResult {
  const n = ds.numInstances;
  if (!Number.isInteger(folds) || folds < 2) throw new C45InputError('INVALID_OPTION', `folds must be an integer >= 2 (got ${folds})`);
  if (folds > n) throw new C45InputError('INVALID_OPTION', `cannot do ${folds}-fold cross-validation on ${n} instances`);
  const opts = resolveOptions(options);
  const { order, rnd } = wekaFolds(ds, folds, seed);
  const ev = new Evaluator(ds.classAttribute.values);
  const foldRows: number[][] = [];
  const distributions = new Array<readonly number[]>(n);
  const byLeafEstimate = extras.bothLeafEstimates ? { plain: new Array<readonly number[]>(n), laplace: new Array<readonly number[]>(n) } : undefined;
  const base = Math.floor(n / folds);
  const rest = n % folds;
  for (let f = 0; f < folds; f++) {
    const size = base + (f < rest ? 1 : 0);
    const first = f * base + Math.min(f, rest);
    const train = new Int32Array(n - size);
    train.set(order.subarray(0, first), 0);
    train.set(order.subarray(first + size), first);
    randomize(train, rnd);
    const tree = buildTree(subsetRows(ds, train), opts);
    const test = Array.from(order.subarray(first, first + size));
    foldRows.push(test);
    const used = new RowClassifier(tree, ds);
    const other = byLeafEstimate ? new RowClassifier(tree, ds, !opts.laplace) : null;
    for (const r of test) {
      const d = used.distribution(r);
      distributions[r] = d;
      ev.add(ds.classes[r], d, ds.weights[r]);
      if (byLeafEstimate && other) {
        byLeafEstimate.plain[r] = opts.laplace ? other.distribution(r) : d;
        byLeafEstimate.laplace[r] = opts.laplace ? d : other.distribution(r);
      }
    }
  }
  return { ...ev.result(), folds, seed, foldRows, distributions, ...(byLeafEstimate ? { byLeafEstimate } : {}) };
}
