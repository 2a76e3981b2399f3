import { distributionForInstance } from './classify';
import { createDataset, rowInstance } from './dataset';
import { crossValidate, evaluateOn } from './evaluation';
import { trainC45 } from './index';
import type { TreeNode } from './model';
import { RowClassifier } from './row-classifier';
import { createRng } from '../demo/prng';

/** Rows with missing values in both kinds of attribute and a declared nominal value no row has (empty sons). */
function dataset(n: number) {
  const r = createRng(42);
  const x: Array<number | null> = [];
  const g: Array<string | null> = [];
  const y: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = Math.round(r() * 1000) / 10;
    const gv = ['a', 'b', 'c'][Math.floor(r() * 3)];
    x.push(r() < 0.08 ? null : v);
    g.push(r() < 0.08 ? null : gv);
    const score = v + (gv === 'a' ? 15 : gv === 'b' ? -10 : 0) + (r() - 0.5) * 30;
    y.push(score > 60 ? 'hi' : score > 35 ? 'mid' : 'lo');
  }
  return createDataset({
    features: [
      { name: 'x', type: 'numeric', values: x },
      { name: 'g', type: 'nominal', values: g, domain: ['a', 'b', 'c', 'never'] },
    ],
    target: { name: 'y', values: y, domain: ['lo', 'mid', 'hi'] },
  });
}

describe('RowClassifier (bulk classification of a dataset\'s rows)', () => {
  const ds = dataset(3000);
  const tree = trainC45(ds, { minNumObj: 5 });
  const emptySons = (n: TreeNode): number => (n.empty ? 1 : 0) + (n.children ?? []).reduce((s, c) => s + emptySons(c), 0);

  it('is tested on a tree with empty sons (answered with the parent\'s bag)', () => {
    expect(emptySons(tree.root)).toBeGreaterThan(0);
  });

  it.each([false, true])('gives every row exactly distributionForInstance (laplace %s), missing values included', (laplace) => {
    const rows = new RowClassifier(tree, ds, laplace);
    let missing = 0;
    for (let r = 0; r < ds.numInstances; r++) {
      if (Number.isNaN(ds.columns[0][r]) || Number.isNaN(ds.columns[1][r])) missing++;
      expect(rows.distribution(r)).toEqual(distributionForInstance(tree, rowInstance(ds, r), laplace));
    }
    expect(missing).toBeGreaterThan(100);
  });

  it('shares one array per stopping node among the rows without a missing value', () => {
    const rows = new RowClassifier(tree, ds);
    const distinct = new Set<readonly number[]>();
    for (let r = 0; r < ds.numInstances; r++) if (!Number.isNaN(ds.columns[0][r]) && !Number.isNaN(ds.columns[1][r])) distinct.add(rows.distribution(r));
    expect(distinct.size).toBeGreaterThan(1);
    expect(distinct.size).toBeLessThan(100);
  });

  it("keeps cross-validation's per-row distributions to a few shared arrays, with the same values as a per-row walk", () => {
    const cv = crossValidate(ds, { minNumObj: 5 }, 5, 1, { bothLeafEstimates: true });
    const shared = new Set(cv.distributions);
    expect(shared.size).toBeLessThan(ds.numInstances / 4);
    expect(cv.byLeafEstimate!.plain[0]).toBe(cv.distributions[0]);
    expect(evaluateOn(tree, ds).correct).toBe(
      Array.from({ length: ds.numInstances }, (_, r) => r).filter((r) => {
        const d = distributionForInstance(tree, rowInstance(ds, r));
        const p = d.indexOf(Math.max(...d));
        return Math.max(...d) > 0 && p === ds.classes[r];
      }).length,
    );
  });
});
