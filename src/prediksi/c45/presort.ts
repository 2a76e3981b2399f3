/**
 * Presorted numeric columns: rows are sorted once per numeric attribute at the root, and
 * every split partitions the sorted lists to its children preserving order.
 */
import type { SplitModel } from './model';
import { whichSubset } from './route';
import type { SortedList } from './split-numeric';

/**
 * Rows sorted by one attribute (ascending, ties in row order, missing last), without a
 * comparator sort: given the column's sorted distinct values (a superset is fine), rank each row by binary search, then
 * a stable counting sort by rank. Several times faster than Array#sort with a callback.
 */
export function presort(col: Float64Array, classes: Int32Array, rows: Int32Array, w: Float64Array, distinct: Float64Array): SortedList {
  const n = rows.length;
  const d = distinct.length;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = rankOf(distinct, col[rows[i]]);
  return presortByRank(col, classes, rows, w, rank, d);
}

/** The rank of `v` among `distinct` (index of the first value not below it), `distinct.length` if missing. */
function rankOf(distinct: Float64Array, v: number): number {
  const d = distinct.length;
  if (v !== v) return d; // missing values rank last
  let lo = 0;
  let hi = d - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (distinct[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The rank of every row of `col` among its sorted distinct values (missing: `distinct.length`),
 * computed once for a whole dataset; a subset's rows then need no search (see `presortByRank`).
 */
export function columnRanks(col: Float64Array, distinct: Float64Array): Int32Array {
  const rank = new Int32Array(col.length);
  for (let r = 0; r < col.length; r++) rank[r] = rankOf(distinct, col[r]);
  return rank;
}

/**
 * `presort` with each entry's rank given (`rank[i]` for `rows[i]`, in 0..d, d = missing): a stable
 * counting sort, so the order is exactly presort's (ascending, ties in entry order, missing last).
 */
export function presortByRank(col: Float64Array, classes: Int32Array, rows: Int32Array, w: Float64Array, rank: Int32Array, d: number): SortedList {
  const n = rows.length;
  const counts = new Int32Array(d + 1);
  for (let i = 0; i < n; i++) counts[rank[i]]++;
  const nKnown = n - counts[d];
  let acc = 0;
  for (let r = 0; r <= d; r++) {
    const c = counts[r];
    counts[r] = acc;
    acc += c;
  }
  const list = emptySortedList(n);
  for (let i = 0; i < n; i++) {
    const pos = counts[rank[i]]++;
    const r = rows[i];
    list.rows[pos] = r;
    list.w[pos] = w[i];
    list.vals[pos] = col[r];
    list.cls[pos] = classes[r];
  }
  list.nKnown = nKnown;
  return list;
}

/**
 * A subset's sorted distinct known values from the whole column's (`distinct`) and the subset's
 * ranks in it, without sorting: equals `distinctSortedValues` of the subset's column (`col`), a zero
 * included as -0 when the subset has a -0 (a typed-array sort puts -0 first, and the first is kept).
 */
export function distinctOfSubset(distinct: Float64Array, col: Float64Array, rank: Int32Array): Float64Array {
  const d = distinct.length;
  const seen = new Uint8Array(d + 1);
  let negZero = false;
  for (let i = 0; i < rank.length; i++) {
    seen[rank[i]] = 1;
    const v = col[i];
    if (v === 0 && 1 / v < 0) negZero = true;
  }
  let m = 0;
  for (let r = 0; r < d; r++) m += seen[r];
  const out = new Float64Array(m);
  m = 0;
  for (let r = 0; r < d; r++) {
    if (seen[r] === 0) continue;
    const v = distinct[r];
    out[m++] = v === 0 ? (negZero ? -0 : 0) : v;
  }
  return out;
}

export function emptySortedList(n: number): SortedList {
  return { rows: new Int32Array(n), w: new Float64Array(n), vals: new Float64Array(n), cls: new Int32Array(n), nKnown: 0 };
}

/**
 * Sends a sorted list's entries to the children (as routeNodeRows does a node's base entries),
 * carrying each entry's value and class along (`ownSplit`: the split, when this list is its
 * attribute's), and counts each child's known-value prefix: the parent's known entries come first
 * and order is preserved, so a child's known entries are exactly those routed from that prefix.
 */
export function routeSorted(
  src: SortedList,
  ownSplit: SplitModel | null,
  branch: Int32Array,
  send: Uint8Array,
  p: Float64Array,
  dst: readonly SortedList[],
): void {
  const nb = dst.length;
  const fill = new Int32Array(nb);
  const { rows, w, vals, cls, nKnown } = src;
  for (let i = 0; i < rows.length; i++) {
    if (i === nKnown) for (let j = 0; j < nb; j++) dst[j].nKnown = fill[j];
    const r = rows[i];
    // The split attribute's own list knows each entry's value: no lookup by row number (a cache miss).
    const b = ownSplit ? whichSubset(ownSplit, vals[i]) : branch[r];
    if (b >= 0) {
      const t = dst[b];
      const f = fill[b]++;
      t.rows[f] = r;
      t.w[f] = w[i];
      t.vals[f] = vals[i];
      t.cls[f] = cls[i];
    } else {
      for (let j = 0; j < nb; j++) {
        if (send[j] === 0) continue;
        const t = dst[j];
        const f = fill[j]++;
        t.rows[f] = r;
        t.w[f] = p[j] * w[i];
        t.vals[f] = vals[i];
        t.cls[f] = cls[i];
      }
    }
  }
  if (nKnown >= rows.length) for (let j = 0; j < nb; j++) dst[j].nKnown = fill[j];
}

/** Sorted distinct known values of a column (threshold relocation searches these). */
export function distinctSortedValues(col: Float64Array): Float64Array {
  const vals = new Float64Array(col.length);
  let n = 0;
  for (let r = 0; r < col.length; r++) if (col[r] === col[r]) vals[n++] = col[r];
  const sorted = vals.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (m === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
  return sorted.slice(0, m);
}

