/**
 * Shaping the learner's evaluation results into what the registry stores and the API shows:
 * per-class reports keyed by class name, the confusion matrix in the client's label order, the
 * cross-validation fold count actually used (and why) and the spread of per-fold accuracies.
 */
import { type CrossValidationResult, type EvaluationResult, predictedIndex } from '../c45';
import { KATEGORI_PRESTASI } from './feature-catalogue';

export interface ClassReportEntry {
  precision: number;
  recall: number;
  f1_score: number;
  support: number;
}

export interface EvaluationSummary {
  accuracy: number;
  precision: number;
  recall: number;
  f1_score: number;
  class_report: Record<string, ClassReportEntry>;
}

export interface CvSummary extends EvaluationSummary {
  folds: number;
  folds_requested: number;
  /** Why fewer folds than requested were used, when they were. */
  folds_note: string | null;
  seed: number;
  /** Sample standard deviation of the per-fold accuracies. */
  std: number;
  fold_accuracies: number[];
  majority_class: string;
  /** Accuracy of always answering the most common class: the bar a useful model must clear. */
  majority_class_rate: number;
}

export interface ConfusionMatrix {
  labels: string[];
  /** Rows: actual class; columns: predicted class. */
  matrix: number[][];
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Stratified k-fold needs every class in every fold; a class with fewer rows than folds cannot be,
 * so the fold count drops to the smallest class size (never below 2, never above the row count).
 */
export function chooseFolds(requested: number, classCounts: readonly number[]): { folds: number; note: string | null } {
  const present = classCounts.filter((c) => c > 0);
  const n = present.reduce((s, c) => s + c, 0);
  const smallest = present.length ? Math.min(...present) : 0;
  const folds = Math.max(2, Math.min(requested, smallest, n));
  if (folds === requested) return { folds, note: null };
  return {
    folds,
    note: `${folds}-fold instead of ${requested}-fold cross-validation: the smallest class has only ${smallest} labelled rows`,
  };
}

export function summarize(ev: EvaluationResult): EvaluationSummary {
  const class_report: Record<string, ClassReportEntry> = {};
  for (const c of ev.perClass) {
    class_report[c.className] = { precision: r4(c.precision), recall: r4(c.recall), f1_score: r4(c.f1), support: c.support };
  }
  return {
    accuracy: r4(ev.accuracy),
    precision: r4(ev.weighted.precision),
    recall: r4(ev.weighted.recall),
    f1_score: r4(ev.weighted.f1),
    class_report,
  };
}

function sampleStd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
}

/** `actual[r]`: class index of row r in the dataset's class order. */
export function summarizeCv(cv: CrossValidationResult, actual: ArrayLike<number>, foldsRequested: number, note: string | null): CvSummary {
  const foldAccuracies = cv.foldRows.map((rows) => {
    const correct = rows.filter((r) => predictedIndex(cv.distributions[r]) === actual[r]).length;
    return rows.length ? correct / rows.length : 0;
  });
  const counts = cv.confusion.map((row) => row.reduce((s, x) => s + x, 0));
  const majority = counts.indexOf(Math.max(...counts));
  return {
    ...summarize(cv),
    folds: cv.folds,
    folds_requested: foldsRequested,
    folds_note: note,
    seed: cv.seed,
    std: r4(sampleStd(foldAccuracies)),
    fold_accuracies: foldAccuracies.map(r4),
    majority_class: cv.classNames[majority],
    majority_class_rate: r4(cv.total > 0 ? counts[majority] / cv.total : 0),
  };
}

/** The confusion matrix re-ordered to the client's labels (missing classes are zero rows/columns). */
export function confusionInLabelOrder(ev: EvaluationResult, labels: readonly string[] = KATEGORI_PRESTASI): ConfusionMatrix {
  const index = labels.map((l) => ev.classNames.indexOf(l));
  const matrix = index.map((a) => index.map((p) => (a < 0 || p < 0 ? 0 : ev.confusion[a][p])));
  return { labels: [...labels], matrix };
}
