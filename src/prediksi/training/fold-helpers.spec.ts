import { combineFolds, crossValidate, prepareCrossValidation } from '../c45';
import { loadArffDataset } from '../c45/testing/reference-fixtures';
import { type FoldWork, trainFolds } from './fold-helpers';
import { tsFoldHelpers } from './testing/ts-fold-helpers';

const TS_HELPERS = tsFoldHelpers(2);

function work(name: string, folds: number, laplace: boolean): FoldWork {
  const ds = loadArffDataset(name);
  const { opts, plan } = prepareCrossValidation(ds, { laplace }, folds, 1);
  return { ds, opts, plan, bothLeafEstimates: true, next: new Int32Array(new SharedArrayBuffer(4)) };
}

describe('trainFolds: cross-validation folds taken from one shared counter by every thread', () => {
  it.each([
    ['students_1k', 10, false],
    ['labor', 10, true],
    ['vote', 7, false],
  ] as const)('%s: helpers really train folds, and the combined CvResult is crossValidate\'s', async (name, folds, laplace) => {
    const w = work(name, folds, laplace);
    const serial = crossValidate(w.ds, { laplace }, folds, 1, { bothLeafEstimates: true });
    // This thread is busy long enough that the helpers start and take folds.
    const { outcomes, byHelpers } = await trainFolds(w, () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500), TS_HELPERS);
    expect(byHelpers).toBeGreaterThan(0);
    const parallel = combineFolds(w.ds, w.opts, w.plan, outcomes, true);
    expect(parallel).toEqual(serial);
    // Rows that stopped at the same node of a fold's tree share one array, as crossValidate gives them.
    expect(new Set(parallel.distributions).size).toBe(new Set(serial.distributions).size);
    expect(new Set(parallel.byLeafEstimate!.laplace).size).toBe(new Set(serial.byLeafEstimate!.laplace).size);
  }, 60_000);

  it('inline (no helper): this thread trains every fold', async () => {
    const w = work('students_1k', 10, false);
    const { first, outcomes, byHelpers } = await trainFolds(w, () => 'tree', { count: 0, workerFile: '' });
    expect(first).toBe('tree');
    expect(byHelpers).toBe(0);
    expect(combineFolds(w.ds, w.opts, w.plan, outcomes, true)).toEqual(crossValidate(w.ds, {}, 10, 1, { bothLeafEstimates: true }));
  });
});
