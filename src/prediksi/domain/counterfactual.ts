/**
 * Counterfactual advice ("saran", issue #14): for a student predicted below `Tinggi`, the smallest
 * change of ONE actionable feature after which the tree predicts a higher category — computed
 * exactly from the tree's own thresholds, never by sampling.
 *
 * Why this is exact: along a numeric attribute the tree's answer only changes where some split on
 * that attribute changes side, i.e. at its thresholds. J48 sends `v` left when `v - t < 1e-6`
 * (weka Utils.smOrEq), so between two consecutive thresholds the prediction is constant. Trying the
 * first value past each threshold above the student's value, in ascending order, finds the minimum.
 * Values are suggested on a 0.01 grid (grades and attendance % are read to two decimals): the
 * suggestion is the smallest grid value that raises the prediction, and the grid value just below it
 * does not. Nominal attributes try each better category, nearest first.
 *
 * Decisions:
 *  - "Raise": the predicted category ends up at least one step higher (Rendah → Sedang, or straight
 *    to Tinggi when the minimal change does that; `prediksi_baru` says which).
 *  - Only upward changes are advice (higher grades, better attendance); never income or gender.
 *  - Each feature changes alone; the others keep the student's values (a model using both
 *    `rata_rata` and a subject treats them as separate inputs, as it was trained).
 *  - Order of the options: the smallest change relative to the feature's own scale first — points
 *    / 100 for grades and attendance % (0–100), category steps / (categories − 1) for a category —
 *    ties by the tree's attribute order. The first option is the advice.
 */
import { type C45Tree, encodeInstance, type InstanceRecord } from '../c45';
import { distributionForInstance, predictedIndex } from '../c45/classify';
import type { SplitModel, TreeNode } from '../c45/model';
import { whichSubset } from '../c45/route';
import { smOrEq } from '../c45/weka-utils';
import { SUBJECT_FIELDS } from '../../nilai/nilai-subjects';
import { KATEGORI_PRESTASI } from './feature-catalogue';

/** Numeric features a student or school can act on, all on a 0–100 scale. */
const ACTIONABLE_NUMERIC: ReadonlySet<string> = new Set(['rata_rata', 'persentase_kehadiran', ...SUBJECT_FIELDS]);
/** Nominal features a student or school can act on, worst → best. */
const ACTIONABLE_NOMINAL: Readonly<Record<string, readonly string[]>> = { kategori_kehadiran: ['Rendah', 'Sedang', 'Tinggi'] };

export const SARAN_STEP = 0.01;
const GRID = 1 / SARAN_STEP;
const NUMERIC_MAX = 100;

export function isActionable(attribute: string): boolean {
  return ACTIONABLE_NUMERIC.has(attribute) || Object.prototype.hasOwnProperty.call(ACTIONABLE_NOMINAL, attribute);
}

export interface Counterfactual {
  attribute: string;
  kind: 'numeric' | 'nominal';
  /** The student's value. */
  from: number | string;
  /** Numeric: the smallest value on the 0.01 grid that raises the prediction; nominal: the category. */
  to: number | string;
  /** Numeric: the tree's exact threshold the value must exceed (its `>` branch); nominal: null. */
  threshold: number | null;
  /** Numeric: `to - from` in the feature's points; nominal: category steps. */
  change: number;
  /** The change relative to the feature's scale (the ordering key). */
  effort: number;
  /** The category predicted after the change. */
  prediction: string;
}

function rankOf(name: string): number {
  return KATEGORI_PRESTASI.indexOf(name as (typeof KATEGORI_PRESTASI)[number]);
}

/** Per tree (its root): the class each leaf answers for instances with every tested value known. */
const leafClasses = new WeakMap<TreeNode, Map<TreeNode, string>>();
/** Per tree: each numeric attribute's split thresholds anywhere in the tree. */
const thresholdSets = new WeakMap<TreeNode, Map<number, number[]>>();

function classFromDistribution(tree: C45Tree, x: Float64Array): string {
  const i = predictedIndex(distributionForInstance(tree, x));
  return tree.header.classAttribute.values[i < 0 ? 0 : i];
}

/**
 * The predicted class name as predictInstance reports it (first class when every probability is 0).
 * With every tested value known the answer depends only on the leaf reached, so it is computed once
 * per leaf (the candidates of thousands of students share a few dozen leaves).
 */
function predictedClass(tree: C45Tree, x: Float64Array): string {
  let node = tree.root;
  while (!node.leaf && node.split && node.children) {
    const b = whichSubset(node.split, x[node.split.attribute]);
    if (b < 0) return classFromDistribution(tree, x);
    node = node.children[b];
  }
  let cache = leafClasses.get(tree.root);
  if (!cache) leafClasses.set(tree.root, (cache = new Map()));
  let name = cache.get(node);
  if (name === undefined) cache.set(node, (name = classFromDistribution(tree, x)));
  return name;
}

function collectThresholds(node: TreeNode, attribute: number, out: Set<number>): Set<number> {
  const split: SplitModel | null = node.split;
  if (node.leaf || !split || !node.children) return out;
  if (split.kind === 'numeric' && split.attribute === attribute) out.add(split.splitPoint);
  for (const child of node.children) collectThresholds(child, attribute, out);
  return out;
}

function numericThresholds(tree: C45Tree, attribute: number): number[] {
  let perTree = thresholdSets.get(tree.root);
  if (!perTree) thresholdSets.set(tree.root, (perTree = new Map()));
  let list = perTree.get(attribute);
  if (!list) perTree.set(attribute, (list = [...collectThresholds(tree.root, attribute, new Set())].sort((p, q) => p - q)));
  return list;
}

/** The smallest value on the grid that J48 sends to the `>` side of threshold t. */
export function firstGridValueAbove(t: number): number {
  let k = Math.ceil(t * GRID);
  while (smOrEq(k / GRID, t)) k++;
  while (!smOrEq((k - 1) / GRID, t)) k--;
  return k / GRID;
}

const round2 = (v: number): number => Math.round(v * GRID) / GRID;

function numericOption(tree: C45Tree, x: Float64Array, a: number, currentRank: number): Counterfactual | null {
  const current = x[a];
  if (Number.isNaN(current)) return null;
  // Grid value → the largest threshold it is the first value past (the binding one to state).
  const candidates = new Map<number, number>();
  for (const t of numericThresholds(tree, a)) {
    const value = firstGridValueAbove(t);
    if (value > current && value <= NUMERIC_MAX) candidates.set(value, Math.max(t, candidates.get(value) ?? -Infinity));
  }
  const trial = Float64Array.from(x);
  for (const [value, threshold] of [...candidates].sort((p, q) => p[0] - q[0])) {
    trial[a] = value;
    const prediction = predictedClass(tree, trial);
    if (rankOf(prediction) > currentRank) {
      const change = round2(value - current);
      return { attribute: tree.header.attributes[a].name, kind: 'numeric', from: current, to: value, threshold, change, effort: change / NUMERIC_MAX, prediction };
    }
  }
  return null;
}

function nominalOption(tree: C45Tree, x: Float64Array, a: number, currentRank: number, order: readonly string[]): Counterfactual | null {
  const attr = tree.header.attributes[a];
  if (attr.kind !== 'nominal' || Number.isNaN(x[a])) return null;
  const from = attr.values[x[a]];
  const start = order.indexOf(from);
  if (start < 0) return null;
  const trial = Float64Array.from(x);
  for (let step = 1; start + step < order.length; step++) {
    const to = order[start + step];
    const index = attr.values.indexOf(to);
    if (index < 0) continue;
    trial[a] = index;
    const prediction = predictedClass(tree, trial);
    if (rankOf(prediction) > currentRank) {
      return { attribute: attr.name, kind: 'nominal', from, to, threshold: null, change: step, effort: step / (order.length - 1), prediction };
    }
  }
  return null;
}

/**
 * Every actionable feature's minimal raising change, best first (see the ordering above); empty when
 * the prediction is already the highest category or no single change raises it.
 */
export function counterfactuals(tree: C45Tree, features: InstanceRecord): Counterfactual[] {
  const x = encodeInstance(tree.header, features);
  const currentRank = rankOf(predictedClass(tree, x));
  if (currentRank >= KATEGORI_PRESTASI.length - 1) return [];
  const options: Counterfactual[] = [];
  tree.header.attributes.forEach((attr, a) => {
    let option: Counterfactual | null = null;
    if (attr.kind === 'numeric' && ACTIONABLE_NUMERIC.has(attr.name)) option = numericOption(tree, x, a, currentRank);
    else if (attr.kind === 'nominal' && isActionable(attr.name)) option = nominalOption(tree, x, a, currentRank, ACTIONABLE_NOMINAL[attr.name]);
    if (option) options.push(option);
  });
  // Array.prototype.sort is stable: equal efforts keep the header's attribute order.
  return options.sort((p, q) => p.effort - q.effort);
}
