import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type C45Dataset } from '../c45';
import { loadArffDataset } from '../c45/testing/reference-fixtures';
import { type BuildOptions, buildModel, DEFAULT_BUILD_OPTIONS } from '../domain/model-builder';
import { buildModelOnThreads } from './parallel-build';
import { tsFoldHelpers } from './testing/ts-fold-helpers';

const TS_HELPERS = tsFoldHelpers(2);

/** Everything buildModel answers, without the live tree object (its JSON is compared). */
function comparable(m: Awaited<ReturnType<typeof buildModelOnThreads>>): unknown {
  const { tree: _tree, ...rest } = m;
  return rest;
}

const CASES: Array<[string, BuildOptions]> = [
  ['students_1k', DEFAULT_BUILD_OPTIONS],
  ['labor', DEFAULT_BUILD_OPTIONS], // missing values: fractional routing in the folds
  ['vote', { ...DEFAULT_BUILD_OPTIONS, laplace: true }],
  ['diabetes', { ...DEFAULT_BUILD_OPTIONS, pruned: false, folds: 5 }],
];

function groupsOf(ds: C45Dataset): Record<string, Array<string | null>> {
  // Any nominal attribute serves as a group for the fairness report.
  const a = ds.attributes.findIndex((x) => x.kind === 'nominal');
  if (a < 0) return {};
  const attr = ds.attributes[a];
  const values = attr.kind === 'nominal' ? attr.values : [];
  return { [attr.name]: Array.from(ds.columns[a], (v) => (Number.isNaN(v) ? null : values[v])) };
}

describe('buildModelOnThreads: the folds on several threads, the answer of buildModel', () => {
  it.each(CASES)('%s inline (no helper: the path under jest and on one core)', async (name, options) => {
    const ds = loadArffDataset(name);
    const groups = groupsOf(ds);
    const serial = buildModel(ds, options, groups);
    const inline = await buildModelOnThreads(ds, options, groups, {}, { count: 0, workerFile: '' });
    expect(comparable(inline)).toEqual(comparable(serial));
  });

  it.each(CASES)('%s with two helper threads', async (name, options) => {
    const ds = loadArffDataset(name);
    const groups = groupsOf(ds);
    const serial = buildModel(ds, options, groups);
    const threaded = await buildModelOnThreads(ds, options, groups, {}, TS_HELPERS);
    expect(comparable(threaded)).toEqual(comparable(serial));
  }, 60_000);

  it('a helper that dies leaves its folds to this thread: same answer', async () => {
    const crashing = join(tmpdir(), `cv-helper-crash-${process.pid}.js`);
    writeFileSync(crashing, "Atomics.add(require('node:worker_threads').workerData.next, 0, 1); throw new Error('helper died');\n");
    const ds = loadArffDataset('students_1k');
    const serial = buildModel(ds, DEFAULT_BUILD_OPTIONS);
    const survived = await buildModelOnThreads(ds, DEFAULT_BUILD_OPTIONS, {}, {}, { count: 1, workerFile: crashing });
    expect(comparable(survived)).toEqual(comparable(serial));
  });

  it('refuses unusable data before any thread starts, with buildModel\'s error', async () => {
    const ds = loadArffDataset('students_1k');
    const oneClass: C45Dataset = { ...ds, classes: new Int32Array(ds.numInstances) };
    expect(() => buildModel(oneClass, DEFAULT_BUILD_OPTIONS)).toThrow(/single value/);
    await expect(buildModelOnThreads(oneClass, DEFAULT_BUILD_OPTIONS, {}, {}, TS_HELPERS)).rejects.toThrow(/single value/);
  });
});
