/**
 * Public API of the C4.5 learner (Weka J48 3.6, C4.5 release 8, reproduced exactly).
 * Plain TypeScript: no Nest, database or file I/O here (readers live in ./cli).
 */
import { distributionForInstance, predictedIndex } from './classify';
import type { C45Dataset, DatasetSpec } from './dataset';
import { createDataset, validateForTraining } from './dataset';
import { C45InputError } from './errors';
import { crossValidate as cv, evaluateOn } from './evaluation';
import type { CrossValidationExtras, CrossValidationResult, EvaluationResult } from './evaluation';
import { encodeInstance } from './instance';
import type { InstanceInput } from './instance';
import type { C45Options, C45Tree } from './model';
import { countLeaves, countNodes, resolveOptions } from './model';
import { explainPath as explainEncoded } from './rules';
import type { ExplainedPath } from './rules';
import { buildTree } from './tree';

export type { Attribute, C45Dataset, DatasetSpec, FeatureColumnSpec, NominalAttribute, NumericAttribute, RawTable } from './dataset';
export { createDataset, datasetFromTable, domainIndexer, numericCell, rowInstance } from './dataset';
export { C45InputError } from './errors';
/** Weka's prediction from a class distribution (first strict maximum, -1 when all are 0). */
export { predictedIndex } from './classify';
export type { C45ErrorCode } from './errors';
export type { C45Header, C45Options, C45Tree, ResolvedOptions } from './model';
export type { ClassMetrics, CrossValidationExtras, CrossValidationResult, EvaluationResult } from './evaluation';
export type { InstanceInput, InstanceRecord } from './instance';
export { encodeInstance } from './instance';
export { toJ48Text } from './format';
export { toRules } from './rules';
export type { C45Rule, Condition, ConditionOperator, ExplainedPath, PathStep } from './rules';
export { featureImportance } from './importance';
export type { AttributeImportance } from './importance';
export { deserializeTree, serializeTree, treeToJson, TREE_FORMAT_VERSION } from './serialize';
export type { TreeJson } from './serialize';
// Cross-validation in pieces (plan, folds, combine), for running the folds on several threads.
export { combineFolds, prepareCrossValidation } from './evaluation';
export { type FoldOutcome, runFold } from './cv-folds';
export type { FoldPlan } from './folds';

function toDataset(data: C45Dataset | DatasetSpec): C45Dataset {
  return 'features' in data ? createDataset(data) : data;
}

function checkOptions(o: C45Options): void {
  const cf = o.confidenceFactor;
  if (cf !== undefined && !(cf > 0 && cf <= 0.5)) throw new C45InputError('INVALID_OPTION', `confidenceFactor must be in (0, 0.5], got ${cf}`);
  const m = o.minNumObj;
  if (m !== undefined && !(Number.isFinite(m) && m >= 1)) throw new C45InputError('INVALID_OPTION', `minNumObj must be >= 1, got ${m}`);
}

/** Trains a J48-identical tree. Throws C45InputError for empty / single-class data. */
export function trainC45(data: C45Dataset | DatasetSpec, options: C45Options = {}): C45Tree {
  const ds = toDataset(data);
  validateForTraining(ds);
  checkOptions(options);
  return buildTree(ds, resolveOptions(options));
}

/** Class probabilities (J48's distributionForInstance), in the class attribute's value order. */
export function classify(tree: C45Tree, instance: InstanceInput): number[] {
  return distributionForInstance(tree, encodeInstance(tree.header, instance));
}

/** Predicted class name (Weka Evaluation's argmax, first maximum wins) with its distribution. */
export function predict(tree: C45Tree, instance: InstanceInput): { className: string | null; distribution: number[] } {
  const distribution = classify(tree, instance);
  const i = predictedIndex(distribution);
  return { className: i < 0 ? null : tree.header.classAttribute.values[i], distribution };
}

/** Root→leaf conditions followed by the instance (heaviest branch where a value is missing). */
export function explainPath(tree: C45Tree, instance: InstanceInput): ExplainedPath {
  return explainEncoded(tree, encodeInstance(tree.header, instance));
}

/**
 * The checks trainC45 and crossValidate make before any work, for a caller that starts work on other
 * threads first (the training worker's parallel folds): the same errors, thrown before anything runs.
 */
export function checkTrainable(data: C45Dataset, options: C45Options): void {
  validateForTraining(data);
  checkOptions(options);
}

/** Weka-exact stratified k-fold CV (`-x folds -s seed`): accuracy, confusion matrix, P/R/F1. */
export function crossValidate(
  data: C45Dataset | DatasetSpec,
  options: C45Options = {},
  folds = 10,
  seed = 1,
  extras: CrossValidationExtras = {},
): CrossValidationResult {
  const ds = toDataset(data);
  validateForTraining(ds);
  checkOptions(options);
  return cv(ds, options, folds, seed, extras);
}

/** Scores a tree on a dataset (e.g. the training set, or a held-out set with the same header). */
export function evaluate(tree: C45Tree, data: C45Dataset | DatasetSpec): EvaluationResult {
  return evaluateOn(tree, toDataset(data));
}

export function treeStats(tree: C45Tree): { numLeaves: number; size: number } {
  return { numLeaves: countLeaves(tree.root), size: countNodes(tree.root) };
}
