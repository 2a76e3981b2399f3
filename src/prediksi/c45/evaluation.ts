/**
 * Weka-exact stratified k-fold cross-validation (Evaluation.crossValidateModel with a seed) and the
 * usual metrics. The fold layout is folds.ts; one fold's tree and predictions, cv-folds.ts.
 */
import { predictedIndex } from './classify';
import type { C45Dataset } from './dataset';
import { type FoldOutcome, runFold } from './cv-folds';
import { C45InputError } from './errors';
import { type FoldPlan, foldTestRows, planFolds } from './folds';
import type { C45Options, C45Tree, ResolvedOptions } from './model';
import { resolveOptions } from './model';
import { RowClassifier } from './row-classifier';

export { wekaFolds } from './folds';

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

/**
 * Weka's k-fold cross-validation on this thread. The folds can also be trained elsewhere (the
 * training worker spreads them over threads): whoever runs them, `planFolds` → `runFold` per fold →
 * `combineFolds` is the one path, so the result is the same bit for bit.
 */
export function crossValidate(ds: C45Dataset, options: C45Options = {}, folds = 10, seed = 1, extras: CrossValidationExtras = {}): CrossValidationResult {
  const { opts, plan } = prepareCrossValidation(ds, options, folds, seed);
  const both = extras.bothLeafEstimates === true;
  const outcomes: FoldOutcome[] = [];
  for (let f = 0; f < folds; f++) outcomes.push(runFold(ds, opts, plan, f, both));
  return combineFolds(ds, opts, plan, outcomes, both);
}

/** Checks the fold count and lays the folds out (the only part that uses the random generator). */
export function prepareCrossValidation(ds: C45Dataset, options: C45Options, folds: number, seed: number): { opts: ResolvedOptions; plan: FoldPlan } {
  const n = ds.numInstances;
  if (!Number.isInteger(folds) || folds < 2) throw new C45InputError('INVALID_OPTION', `folds must be an integer >= 2 (got ${folds})`);
  if (folds > n) throw new C45InputError('INVALID_OPTION', `cannot do ${folds}-fold cross-validation on ${n} instances`);
  return { opts: resolveOptions(options), plan: planFolds(ds, folds, seed) };
}

/** The cross-validation result from every fold's outcome (`outcomes[f]` for fold f). */
export function combineFolds(ds: C45Dataset, opts: ResolvedOptions, plan: FoldPlan, outcomes: readonly FoldOutcome[], bothLeafEstimates: boolean): CrossValidationResult {
  const n = ds.numInstances;
  const ev = new Evaluator(ds.classAttribute.values);
  const foldRows: number[][] = [];
  const distributions = new Array<readonly number[]>(n);
  const byLeafEstimate = bothLeafEstimates ? { plain: new Array<readonly number[]>(n), laplace: new Array<readonly number[]>(n) } : undefined;
  for (let f = 0; f < plan.folds; f++) {
    const test = foldTestRows(plan, f);
    const { table, used, other } = outcomes[f];
    foldRows.push(Array.from(test));
    for (let i = 0; i < test.length; i++) {
      const r = test[i];
      const d = table[used[i]];
      distributions[r] = d;
      ev.add(ds.classes[r], d, ds.weights[r]);
      if (byLeafEstimate && other) {
        const o = table[other[i]];
        byLeafEstimate.plain[r] = opts.laplace ? o : d;
        byLeafEstimate.laplace[r] = opts.laplace ? d : o;
      }
    }
  }
  return { ...ev.result(), folds: plan.folds, seed: plan.seed, foldRows, distributions, ...(byLeafEstimate ? { byLeafEstimate } : {}) };
}
