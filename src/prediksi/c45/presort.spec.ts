import type { SplitModel } from './model';
import { columnRanks, distinctOfSubset, distinctSortedValues, emptySortedList, presort, presortByRank, routeSorted } from './presort';

const col = Float64Array.from([3, NaN, 1, 2, NaN, 1, 5]);
const classes = Int32Array.from([0, 1, 1, 0, 0, 1, 0]);
const rows = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);
const w = Float64Array.from([1, 1, 1, 1, 1, 1, 1]);

describe('presorted lists carry each entry’s value and class', () => {
  it('sorts ascending, ties in row order, missing last, with vals and cls aligned to rows', () => {
    const list = presort(col, classes, rows, w, distinctSortedValues(col));
    expect(Array.from(list.rows)).toEqual([2, 5, 3, 0, 6, 1, 4]);
    expect(Array.from(list.vals.subarray(0, list.nKnown))).toEqual([1, 1, 2, 3, 5]);
    expect(Array.from(list.cls)).toEqual(Array.from(list.rows, (r) => classes[r]));
    expect(list.nKnown).toBe(5);
  });

  it.each([true, false])('routes to the children in order, missing values weighted to each, known prefix counted (own split %s)', (own) => {
    const list = presort(col, classes, rows, w, distinctSortedValues(col));
    const split: SplitModel = { attribute: 0, kind: 'numeric', numSubsets: 2, splitPoint: 1.5, binary: false, infoGain: 0, gainRatio: 0 };
    const branch = Int32Array.from(col, (v) => (Number.isNaN(v) ? -1 : v <= 1.5 ? 0 : 1));
    const p = Float64Array.from([0.4, 0.6]);
    const kids = [emptySortedList(4), emptySortedList(5)];
    routeSorted(list, own ? split : null, branch, Uint8Array.from([1, 1]), p, kids);
    expect(Array.from(kids[0].rows)).toEqual([2, 5, 1, 4]);
    expect(Array.from(kids[1].rows)).toEqual([3, 0, 6, 1, 4]);
    expect(kids.map((k) => k.nKnown)).toEqual([2, 3]);
    expect(Array.from(kids[0].w)).toEqual([1, 1, 0.4, 0.4]);
    expect(Array.from(kids[1].w)).toEqual([1, 1, 1, 0.6, 0.6]);
    for (const k of kids) expect(Array.from(k.cls)).toEqual(Array.from(k.rows, (r) => classes[r]));
  });
});

describe('a subset sorted by the whole column’s ranks equals sorting the subset itself', () => {
  // Many ties, missing values, both zeros; the subset's entries in a shuffled order (a CV fold's).
  const all = Float64Array.from([2, NaN, 1, 2, -0, 0, 1, 3, NaN, 2, 0, 1, 5, 2, -1, 1]);
  const allClasses = Int32Array.from(all, (_, i) => i % 3);
  const globalDistinct = distinctSortedValues(all);
  const globalRank = columnRanks(all, globalDistinct);

  it.each([
    [[9, 3, 0, 13, 1, 8, 6, 2, 11, 15]],
    [[5, 10, 4, 7, 12]],
    [[5, 10, 7]],
    [[14, 1]],
    [Array.from(all, (_, i) => all.length - 1 - i)],
  ])('subset %j: same rows, weights, values, classes and known prefix as presort; same distinct values', (subset) => {
    const pick = Int32Array.from(subset);
    // The fold's own dataset: its rows renumbered 0..m-1 in fold order.
    const col = Float64Array.from(pick, (r) => all[r]);
    const cls = Int32Array.from(pick, (r) => allClasses[r]);
    const local = Int32Array.from(pick, (_, i) => i);
    const wts = Float64Array.from(pick, (_, i) => 1 + i / 8);
    const rank = Int32Array.from(pick, (r) => globalRank[r]);
    const own = distinctSortedValues(col);
    const derived = distinctOfSubset(globalDistinct, col, rank);
    expect(Array.from(derived)).toEqual(Array.from(own));
    expect(Array.from(derived, (v) => Object.is(v, -0))).toEqual(Array.from(own, (v) => Object.is(v, -0)));
    const want = presort(col, cls, local, wts, own);
    const got = presortByRank(col, cls, local, wts, rank, globalDistinct.length);
    expect(Array.from(got.rows)).toEqual(Array.from(want.rows));
    expect(Array.from(got.w)).toEqual(Array.from(want.w));
    expect(Array.from(got.vals)).toEqual(Array.from(want.vals));
    expect(Array.from(got.cls)).toEqual(Array.from(want.cls));
    expect(got.nKnown).toBe(want.nKnown);
  });
});
