/**
 * Growing the tree (ClassifierTree.buildTree + C45ModelSelection / BinC45ModelSelection).
 *
 * Speed: every numeric attribute is sorted once at the root; each node keeps, per numeric
 * attribute, its rows in that sorted order and partitions them to the children preserving
 * the order, so no node ever sorts again (Weka re-sorts the node's data per attribute).
 */
import type { C45Dataset } from './dataset';
import type { Distribution } from './distribution';
import type { C45Tree, ResolvedOptions, SplitModel, TreeNode } from './model';
import { completeColumns } from './branch-errors';
import { collapse, prune } from './prune';
import type { TrainContext } from './train-context';
import { missingFractions, whichSubset } from './route';
import { binaryNominalCandidate, nominalCandidate } from './split-nominal';
import type { Candidate } from './split-nominal';
import { gatherNodeRows, hasMissing, type NodeRows, nodeRowsDistribution, routeNodeRows } from './node-rows';
import { distinctOfSubset, distinctSortedValues, emptySortedList, presort, presortByRank, routeSorted } from './presort';
import { numericCandidate, relocateThreshold } from './split-numeric';
import type { SortedList } from './split-numeric';
import { eq, gr, sm } from './weka-utils';

/**
 * Ranks known in advance (a CV fold's rows ranked by the whole dataset's distinct values, see
 * cv-folds.ts): per attribute, for numeric ones, the column's sorted distinct values (a superset of
 * this dataset's) and each row's rank in them (`distinct.length` = missing); null for nominal ones.
 * The tree is the same as without them; only the root's sorting and distinct values cost less.
 */
export interface RankHint {
  readonly distinct: readonly (Float64Array | null)[];
  readonly rank: readonly (Int32Array | null)[];
}

interface NodeData extends NodeRows {
  /** Per attribute: sorted list for numeric attributes, null for nominal ones. */
  sorted: (SortedList | null)[];
}

class Grower {
  private readonly ds: C45Dataset;
  private readonly k: number;
  private readonly minNumObj: number;
  private readonly binary: boolean;
  private readonly keepData: boolean;
  private readonly allCount: number;
  private readonly multiVal: boolean;
  private readonly allSorted: (Float64Array | null)[];
  private readonly branch: Int32Array;
  /** Scratch: the branch of each entry of the node being partitioned (a row is at most once in a node). */
  private readonly entryBranch: Int32Array;
  private readonly hint: RankHint | null;

  constructor(ds: C45Dataset, opts: ResolvedOptions, keepData: boolean, hint: RankHint | null = null) {
    this.hint = hint;
    this.ds = ds;
    this.k = ds.classAttribute.values.length;
    this.minNumObj = opts.minNumObj;
    this.binary = opts.binarySplits;
    this.keepData = keepData;
    this.allCount = ds.numInstances;
    // multiVal: every predictor nominal and none with fewer values than 0.3·|allData|.
    this.multiVal = ds.attributes.every((a) => a.kind === 'nominal' && !sm(a.values.length, 0.3 * this.allCount));
    this.allSorted = ds.attributes.map((a, i) => {
      if (a.kind !== 'numeric') return null;
      const d = hint?.distinct[i];
      const rank = hint?.rank[i];
      return d && rank ? distinctOfSubset(d, ds.columns[i], rank) : distinctSortedValues(ds.columns[i]);
    });
    this.branch = new Int32Array(ds.numInstances);
    this.entryBranch = new Int32Array(ds.numInstances);
  }

  rootData(): NodeData {
    const { ds } = this;
    const keep: number[] = [];
    for (let r = 0; r < ds.numInstances; r++) if (ds.classes[r] >= 0) keep.push(r);
    const base = gatherNodeRows(Int32Array.from(keep), ds.weights, ds.classes, ds.columns);
    const sorted = ds.attributes.map((a, ai): SortedList | null => {
      if (a.kind !== 'numeric') return null;
      const d = this.hint?.distinct[ai];
      const rowRank = this.hint?.rank[ai];
      if (!d || !rowRank) return presort(ds.columns[ai], ds.classes, base.rows, base.w, this.allSorted[ai] as Float64Array);
      const rank = new Int32Array(base.rows.length);
      for (let i = 0; i < rank.length; i++) rank[i] = rowRank[base.rows[i]];
      return presortByRank(ds.columns[ai], ds.classes, base.rows, base.w, rank, d.length);
    });
    return { ...base, sorted };
  }

  build(data: NodeData): TreeNode {
    const { k } = this;
    const nodeDist = nodeRowsDistribution(data, k);
    const chosen = this.selectModel(data, nodeDist);
    const node: TreeNode = { leaf: true, empty: false, split: null, dist: nodeDist, children: null };
    if (this.keepData) {
      node.rows = data.rows;
      node.w = data.w;
    }
    if (!chosen) {
      node.empty = eq(nodeDist.total, 0);
      return node;
    }
    const { split, dist } = chosen;
    const parts = this.partition(data, split, dist);
    // Only rows and weights are kept (for pruning); the rest is in the children now.
    data.sorted = [];
    data.values = [];
    data.cls = new Int32Array(0);
    node.leaf = false;
    node.split = split;
    node.dist = dist;
    node.children = parts.map((p) => this.build(p));
    return node;
  }

  private selectModel(data: NodeData, nodeDist: Distribution): { split: SplitModel; dist: Distribution } | null {
    const { ds, k, minNumObj } = this;
    if (sm(nodeDist.total, 2 * minNumObj) || eq(nodeDist.total, nodeDist.perClass[nodeDist.maxClass()])) return null;
    let sumOfWeights = 0;
    for (let i = 0; i < data.w.length; i++) sumOfWeights += data.w[i];
    const cands: Candidate[] = [];
    let avg = 0;
    let validModels = 0;
    for (let a = 0; a < ds.attributes.length; a++) {
      const attr = ds.attributes[a];
      let c: Candidate;
      if (attr.kind === 'numeric') {
        c = numericCandidate(data.sorted[a] as SortedList, k, minNumObj, sumOfWeights);
      } else {
        const f = this.binary ? binaryNominalCandidate : nominalCandidate;
        c = f({ values: data.values[a], w: data.w, cls: data.cls, numValues: attr.values.length, k, minNoObj: minNumObj, sumOfWeights });
      }
      cands.push(c);
      if (c.valid && (attr.kind === 'numeric' || this.multiVal || sm(attr.values.length, 0.3 * this.allCount))) {
        avg = avg + c.infoGain;
        validModels++;
      }
    }
    if (validModels === 0) return null;
    avg = avg / validModels;
    let best = -1;
    let minResult = 0;
    for (let a = 0; a < cands.length; a++) {
      const c = cands[a];
      // Plain >= with a fixed 1e-3 slack (Weka: "closer approximation to the original").
      if (c.valid && c.infoGain >= avg - 1e-3 && gr(c.gainRatio, minResult)) {
        best = a;
        minResult = c.gainRatio;
      }
    }
    if (best < 0 || eq(minResult, 0)) return null;
    const c = cands[best];
    const col = ds.columns[best];
    const dist = c.dist as Distribution;
    const attr = ds.attributes[best];
    const sortedList = data.sorted[best];
    const anyMissing = sortedList ? sortedList.nKnown < sortedList.rows.length : hasMissing(data.values[best]);
    // Without a missing value addInstWithUnknown adds nothing: skip its pass over the rows.
    if (anyMissing) dist.addInstWithUnknown(data.rows, data.w, col, ds.classes);
    let splitPoint = c.splitPoint;
    if (attr.kind === 'numeric') splitPoint = relocateThreshold(this.allSorted[best] as Float64Array, col, splitPoint);
    const kind = attr.kind === 'numeric' ? 'numeric' : this.binary ? 'binaryNominal' : 'nominal';
    const split: SplitModel = {
      attribute: best,
      kind,
      numSubsets: c.numSubsets,
      splitPoint,
      binary: this.binary,
      infoGain: c.infoGain,
      gainRatio: c.gainRatio,
    };
    return { split, dist };
  }

  /** ClassifierSplitModel.split for the base list and every sorted list, preserving order. */
  private partition(data: NodeData, split: SplitModel, dist: Distribution): NodeData[] {
    const nb = split.numSubsets;
    const p = missingFractions(dist);
    const send = new Uint8Array(nb);
    for (let j = 0; j < nb; j++) send[j] = gr(p[j], 0) ? 1 : 0;
    const { branch, entryBranch } = this;
    const counts = new Int32Array(nb);
    const rows = data.rows;
    const values = data.values[split.attribute];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const b = whichSubset(split, values[i]);
      branch[r] = b;
      entryBranch[i] = b;
      if (b >= 0) counts[b]++;
      else for (let j = 0; j < nb; j++) counts[j] += send[j];
    }
    const out: NodeData[] = routeNodeRows(data, entryBranch, send, p, counts).map((part) => ({ ...part, sorted: [] }));
    for (let a = 0; a < data.sorted.length; a++) {
      const s = data.sorted[a];
      if (!s) {
        for (const o of out) o.sorted.push(null);
        continue;
      }
      const lists: SortedList[] = [];
      for (let j = 0; j < nb; j++) lists.push(emptySortedList(counts[j]));
      routeSorted(s, a === split.attribute ? split : null, branch, send, p, lists);
      for (let j = 0; j < nb; j++) out[j].sorted.push(lists[j]);
    }
    return out;
  }
}

/** The grown tree before collapse/pruning, training data kept (for diagnostics and tests). */
export function growTree(ds: C45Dataset, opts: ResolvedOptions): TreeNode {
  const grower = new Grower(ds, opts, true);
  return grower.build(grower.rootData());
}

/** J48.buildClassifier: grow on rows with a known class, collapse, then prune unless -U. */
export function buildTree(ds: C45Dataset, opts: ResolvedOptions, hint: RankHint | null = null): C45Tree {
  const pruning = !opts.unpruned;
  const keepData = pruning && opts.subtreeRaising;
  const grower = new Grower(ds, opts, keepData, hint);
  const root = grower.build(grower.rootData());
  collapse(root);
  const ctx: TrainContext = {
    ds,
    opts,
    k: ds.classAttribute.values.length,
    cls: ds.classes,
    cf: Math.fround(opts.confidenceFactor),
    complete: pruning ? completeColumns(ds.columns) : [],
  };
  if (pruning) prune(root, ctx);
  stripData(root);
  return {
    header: { relation: ds.relation, attributes: ds.attributes, classAttribute: ds.classAttribute },
    options: { ...opts },
    root,
  };
}

function stripData(n: TreeNode): void {
  delete n.rows;
  delete n.w;
  if (n.children) for (const c of n.children) stripData(c);
}
