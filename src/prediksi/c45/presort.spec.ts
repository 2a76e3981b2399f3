import type { SplitModel } from './model';
import { distinctSortedValues, emptySortedList, presort, routeSorted } from './presort';

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
