/**
 * Training as a pure function: tree, cross-validation, importances and the shaped metrics, from
 * the assembled training set (plain arrays or the reader's typed columns). No I/O, so it is tested on plain arrays and timed on its own.
 */
import {
  type C45Options,
  type C45Tree,
  crossValidate,
  type CrossValidationResult,
  evaluate,
  featureImportance,
  treeStats,
  trainC45,
  treeToJson,
  type TreeJson,
} from '../c45';
import { type C45Dataset, createDataset, type DatasetSpec } from '../c45';
import { type CalibrationReport, calibrationReport } from './calibration';
import { type FairnessReport, fairnessReport } from './fairness';
import { chooseFolds, type ConfusionMatrix, confusionInLabelOrder, type CvSummary, type EvaluationSummary, summarize, summarizeCv } from './metrics';

export interface BuildOptions {
  confidence_factor: number;
  min_instances: number;
  pruned: boolean;
  folds: number;
  /** J48 -A: Laplace-smoothed leaf probabilities (the tree is the same; only probabilities change). */
  laplace: boolean;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = { confidence_factor: 0.25, min_instances: 2, pruned: true, folds: 10, laplace: false };

/** Per sensitive attribute, each training row's value (same order as the rows), for the fairness report. */
export type RowGroups = Readonly<Record<string, ReadonlyArray<string | null>>>;
/** Weka's default seed, so a model's CV numbers can be reproduced with the J48 CLI. */
export const CV_SEED = 1;

export interface BuiltModel {
  tree: C45Tree;
  treeJson: TreeJson;
  training: EvaluationSummary;
  cv: CvSummary;
  confusion: ConfusionMatrix;
  importances: Record<string, number>;
  size: { numLeaves: number; size: number };
  fairness: FairnessReport;
  calibration: CalibrationReport;
}

export function learnerOptions(o: BuildOptions): C45Options {
  return { confidenceFactor: o.confidence_factor, minNumObj: o.min_instances, unpruned: !o.pruned, laplace: o.laplace };
}

/**
 * Tree, one cross-validation, and everything measured from that cross-validation's per-row
 * predictions: the metrics, the fairness report (per group of `groups`) and the calibration of both
 * leaf estimates. `groupOrders`: declared values of each group attribute, to list groups in order.
 * (The training worker does the same with the folds spread over threads: training/parallel-build.ts.)
 */
export function buildModel(
  data: C45Dataset | DatasetSpec,
  options: BuildOptions,
  groups: RowGroups = {},
  groupOrders: Readonly<Record<string, readonly string[]>> = {},
): BuiltModel {
  // Encoded once: the tree, the CV and the training evaluation all read the same typed columns.
  const spec = 'features' in data ? createDataset(data) : data;
  const c45 = learnerOptions(options);
  const tree = trainC45(spec, c45);
  const { folds, note } = cvFolds(spec, options);
  const cvResult = crossValidate(spec, c45, folds, CV_SEED, { bothLeafEstimates: true });
  return assembleModel(spec, options, tree, cvResult, note, groups, groupOrders);
}

/** The number of CV folds for this set (fewer than asked when a class is smaller) and why. */
export function cvFolds(spec: C45Dataset, options: BuildOptions): { folds: number; note: string | null } {
  const actual = spec.classes;
  const counts = spec.classAttribute.values.map(() => 0);
  for (let r = 0; r < actual.length; r++) if (actual[r] >= 0) counts[actual[r]]++;
  return chooseFolds(options.folds, counts);
}

/** The model and its reports from the tree and its cross-validation (`bothLeafEstimates` on). */
export function assembleModel(
  spec: C45Dataset,
  options: BuildOptions,
  tree: C45Tree,
  cvResult: CrossValidationResult,
  note: string | null,
  groups: RowGroups,
  groupOrders: Readonly<Record<string, readonly string[]>>,
): BuiltModel {
  const classNames = tree.header.classAttribute.values;
  const actual = spec.classes;
  const importances: Record<string, number> = {};
  for (const i of featureImportance(tree)) importances[i.attribute] = Math.round(i.importance * 1e4) / 1e4;
  return {
    tree,
    treeJson: treeToJson(tree),
    training: summarize(evaluate(tree, spec)),
    cv: summarizeCv(cvResult, actual, options.folds, note),
    confusion: confusionInLabelOrder(cvResult),
    importances,
    size: treeStats(tree),
    fairness: fairnessReport(classNames, actual, cvResult.distributions, groups, cvResult.folds, groupOrders),
    calibration: calibrationReport(actual, cvResult.byLeafEstimate!, options.laplace ? 'laplace' : 'plain'),
  };
}
