/**
 * The tree model. A node mirrors Weka's ClassifierTree + its local model:
 *  - a leaf holds a NoSplit model: a one-bag distribution of the weights that reached it;
 *  - an internal node holds a split and the split's bags × classes distribution
 *    (known values in their bag, missing values spread proportionally), which supplies
 *    leaf labels, missing-value fractions at prediction time and pruning estimates.
 */
import type { Attribute, NominalAttribute } from './dataset';
import type { Distribution } from './distribution';

/** `nominal` = one branch per declared value; `binaryNominal` = value vs rest (-B). */
export type SplitKind = 'numeric' | 'nominal' | 'binaryNominal';

export interface SplitModel {
  readonly attribute: number;
  readonly kind: SplitKind;
  readonly numSubsets: number;
  /** numeric: threshold (`<=` goes to branch 0); binaryNominal: the value index of branch 0. */
  readonly splitPoint: number;
  /** Built by BinC45Split (-B): thresholds print with Java's Double.toString. */
  readonly binary: boolean;
  readonly infoGain: number;
  readonly gainRatio: number;
}

export interface TreeNode {
  leaf: boolean;
  /** A leaf that received no training weight (empty nominal branch). */
  empty: boolean;
  split: SplitModel | null;
  /** Leaf: one bag. Internal: the split distribution. */
  dist: Distribution;
  children: TreeNode[] | null;
  /** Training rows and weights; kept only while pruning needs them. */
  rows?: Int32Array;
  w?: Float64Array;
}

export interface C45Options {
  /** Pruning confidence factor (-C), default 0.25; stored as float32 like Weka. */
  confidenceFactor?: number;
  /** Minimum weight per leaf (-M), default 2. */
  minNumObj?: number;
  /** -U: no pruning (collapse still runs). */
  unpruned?: boolean;
  /** Subtree raising, default on (-S turns it off). */
  subtreeRaising?: boolean;
  /** -B: binary splits on nominal attributes. */
  binarySplits?: boolean;
  /** -A: Laplace-smoothed leaf probabilities. */
  laplace?: boolean;
}

export type ResolvedOptions = Required<C45Options>;

export interface C45Header {
  readonly relation: string;
  readonly attributes: readonly Attribute[];
  readonly classAttribute: NominalAttribute;
}

export interface C45Tree {
  readonly header: C45Header;
  readonly options: ResolvedOptions;
  readonly root: TreeNode;
}

export function resolveOptions(o: C45Options = {}): ResolvedOptions {
  return {
    confidenceFactor: o.confidenceFactor ?? 0.25,
    minNumObj: o.minNumObj ?? 2,
    unpruned: o.unpruned ?? false,
    subtreeRaising: o.subtreeRaising ?? true,
    binarySplits: o.binarySplits ?? false,
    laplace: o.laplace ?? false,
  };
}

export function countLeaves(n: TreeNode): number {
  if (n.leaf || !n.children) return 1;
  let s = 0;
  for (const c of n.children) s += countLeaves(c);
  return s;
}

export function countNodes(n: TreeNode): number {
  if (n.leaf || !n.children) return 1;
  let s = 1;
  for (const c of n.children) s += countNodes(c);
  return s;
}
