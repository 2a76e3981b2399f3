/**
 * Acceptance: our trees, counts, CV results and class distributions equal Weka J48's
 * verbatim reference outputs (test/fixtures/c45, copied from the shared reference folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { distributionForInstance, predictedIndex } from './classify';
import { rowInstance } from './dataset';
import { crossValidate, evaluateOn, wekaFolds } from './evaluation';
import { toJ48Text } from './format';
import type { C45Tree, TreeNode } from './model';
import { countLeaves, countNodes, resolveOptions } from './model';
import { deserializeTree, serializeTree } from './serialize';
import {
  fixturePath,
  loadArffDataset,
  originalReferenceDir,
  parseWekaOptions,
  predictionLines,
  readFixture,
  sectionStats,
  treeBlock,
  treeReferences,
  VARIANT_OPTIONS,
} from './testing/reference-fixtures';
import { buildTree } from './tree';
import { doubleToString } from './weka-utils';

jest.setTimeout(120_000);

const refs = treeReferences();
const treeCache = new Map<string, C45Tree>();
function trained(dataset: string, variant: string): C45Tree {
  const key = `${dataset}/${variant}`;
  let t = treeCache.get(key);
  if (!t) {
    t = buildTree(loadArffDataset(dataset), resolveOptions(VARIANT_OPTIONS[variant]));
    treeCache.set(key, t);
  }
  return t;
}

function expectClose(actual: number, expected: number, tol: number, what: string): void {
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} != ${expected} (tol ${tol})`);
}

describe('J48 reference trees', () => {
  it('covers every dataset and variant with a reference output', () => {
    expect(refs.length).toBeGreaterThanOrEqual(54);
    const datasets = new Set(refs.map((r) => r.dataset));
    for (const f of readdirSync(fixturePath('datasets'))) {
      const name = f.replace(/\.arff(\.gz)?$/, '');
      if (f.includes('.arff') && name !== 'segment-test') expect(datasets.has(name)).toBe(true);
    }
  });

  describe.each(refs.map((r) => [r.file, r] as const))('%s', (_file, ref) => {
    const tree = (): C45Tree => trained(ref.dataset, ref.variant);

    it('prints the identical J48 tree block', () => {
      expect(toJ48Text(tree())).toBe(treeBlock(ref.text));
    });

    it('has the same number of leaves and size', () => {
      const leaves = Number(/Number of Leaves\s*:\s*(\d+)/.exec(ref.text)?.[1]);
      const size = Number(/Size of the tree\s*:\s*(\d+)/.exec(ref.text)?.[1]);
      expect(countLeaves(tree().root)).toBe(leaves);
      expect(countNodes(tree().root)).toBe(size);
    });

    it('has the same training-set accuracy, confusion matrix and per-class P/R/F', () => {
      const expected = sectionStats(ref.text, '=== Error on training data ===');
      expect(expected).not.toBeNull();
      const ds = loadArffDataset(ref.dataset);
      const got = evaluateOn(tree(), ds);
      expect(got.correct).toBe(expected?.correct);
      expectClose(got.accuracy * 100, expected?.percent ?? NaN, 5e-5 + 1e-9, 'training accuracy %');
      if (expected?.confusion.length) expect(got.confusion).toEqual(expected.confusion);
    });

    const cvExpected = sectionStats(ref.text, '=== Stratified cross-validation ===');
    // Some references were run with -no-cv (students_100k train_only_*): no CV test for them.
    if (cvExpected) it('has the same 10-fold CV (seed 1) accuracy, confusion matrix and P/R/F', () => {
      const ds = loadArffDataset(ref.dataset);
      const got = crossValidate(ds, ref.options, 10, 1);
      const exp = cvExpected as NonNullable<typeof cvExpected>;
      expect(got.correct).toBe(exp.correct);
      expectClose(got.accuracy * 100, exp.percent, 5e-5 + 1e-9, 'CV accuracy %');
      expect(got.confusion).toEqual(exp.confusion);
      got.perClass.forEach((c, i) => {
        expectClose(c.precision, exp.perClass[i][0], 5e-4 + 1e-12, `precision ${c.className}`);
        expectClose(c.recall, exp.perClass[i][1], 5e-4 + 1e-12, `recall ${c.className}`);
        expectClose(c.f1, exp.perClass[i][2], 5e-4 + 1e-12, `F1 ${c.className}`);
      });
      expectClose(got.weighted.precision, exp.weighted[0], 5e-4 + 1e-12, 'weighted precision');
      expectClose(got.weighted.recall, exp.weighted[1], 5e-4 + 1e-12, 'weighted recall');
      expectClose(got.weighted.f1, exp.weighted[2], 5e-4 + 1e-12, 'weighted F1');
    });

    it('round-trips through JSON: same text, identical distributions', () => {
      const t = tree();
      const loaded = deserializeTree(JSON.parse(JSON.stringify(JSON.parse(serializeTree(t)))));
      expect(toJ48Text(loaded)).toBe(toJ48Text(t));
      const ds = loadArffDataset(ref.dataset);
      const step = Math.max(1, Math.floor(ds.numInstances / 2000));
      for (let r = 0; r < ds.numInstances; r += step) {
        const x = rowInstance(ds, r);
        expect(distributionForInstance(loaded, x)).toEqual(distributionForInstance(t, x));
      }
    });
  });
});

interface JsonNode {
  leaf: boolean;
  empty: boolean;
  total: number;
  perClass: number[];
  attribute?: string;
  kind?: string;
  splitPoint?: number;
  infoGain?: number;
  gainRatio?: number;
  bags?: number[][];
  children?: JsonNode[];
}
interface JsonDump {
  options: string;
  classValues: string[];
  numLeaves: number;
  numNodes: number;
  tree: JsonNode;
  trainPredictions?: { i: number; actual: string; predicted: string; dist: number[] }[];
}

function compareNode(t: C45Tree, n: TreeNode, j: JsonNode, where: string): void {
  expect(n.leaf).toBe(j.leaf);
  expect(n.empty).toBe(j.empty);
  expectClose(n.dist.total, j.total, 1e-9, `${where} total`);
  j.perClass.forEach((v, c) => expectClose(n.dist.perClass[c], v, 1e-9, `${where} perClass[${c}]`));
  if (j.leaf) return;
  const s = n.split as NonNullable<TreeNode['split']>;
  expect(t.header.attributes[s.attribute].name).toBe(j.attribute);
  if (j.kind === 'numeric') expect(s.splitPoint).toBe(j.splitPoint);
  expectClose(s.infoGain, j.infoGain ?? NaN, 1e-9, `${where} infoGain`);
  expectClose(s.gainRatio, j.gainRatio ?? NaN, 1e-9, `${where} gainRatio`);
  j.bags?.forEach((bag, b) => bag.forEach((v, c) => expectClose(n.dist.get(b, c), v, 1e-9, `${where} bags[${b}][${c}]`)));
  (j.children ?? []).forEach((cj, i) => compareNode(t, (n.children as TreeNode[])[i], cj, `${where}.${i}`));
}

const jsonFiles = readdirSync(fixturePath('outputs', 'json')).filter((f) => /^[^_]+(?:_[^_]+)*__(default|U|M5|C0\.1|S|B|A)\.json$/.test(f));

describe('full-precision dumps (outputs/json)', () => {
  it('finds the dumps', () => expect(jsonFiles.length).toBeGreaterThanOrEqual(57));

  describe.each(jsonFiles)('%s', (file) => {
    const dump = JSON.parse(readFixture('outputs', 'json', file)) as JsonDump;
    const dataset = file.replace(/__.*$/, '');
    const options = parseWekaOptions(dump.options);

    it('matches the tree node by node (weights, thresholds, gains to 1e-9)', () => {
      const tree = buildTree(loadArffDataset(dataset), resolveOptions(options));
      expect(tree.header.classAttribute.values).toEqual(dump.classValues);
      expect(countLeaves(tree.root)).toBe(dump.numLeaves);
      expect(countNodes(tree.root)).toBe(dump.numNodes);
      compareNode(tree, tree.root, dump.tree, 'root');
    });

    // Large dumps (students_100k, and variants of small sets) carry no per-instance section.
    if (dump.trainPredictions) it('gives every training instance the same distribution (1e-9)', () => {
      const ds = loadArffDataset(dataset);
      const tree = buildTree(ds, resolveOptions(options));
      const preds = dump.trainPredictions ?? [];
      expect(preds.length).toBe(ds.numInstances);
      for (const p of preds) {
        const d = distributionForInstance(tree, rowInstance(ds, p.i - 1));
        p.dist.forEach((v, c) => expectClose(d[c], v, 1e-9, `instance ${p.i} class ${c}`));
        expect(dump.classValues[predictedIndex(d)]).toBe(p.predicted);
      }
    });
  });
});

function formatDistribution(d: readonly number[]): string {
  const p = predictedIndex(d);
  return d.map((v, i) => (i === p ? '*' : '') + doubleToString(v, 3)).join(',');
}

describe('per-instance prediction dumps (*_pred_*.txt)', () => {
  const files = readdirSync(fixturePath('outputs')).filter((f) => /__pred_/.test(f));
  it('finds them', () => expect(files.length).toBeGreaterThanOrEqual(17));

  describe.each(files)('%s', (file) => {
    const dataset = file.replace(/__.*$/, '');
    const laplace = file.includes('laplace');
    const lines = predictionLines(readFixture('outputs', file));

    it('prints the same distributions as Weka (-p 0 -distribution)', () => {
      const ds = loadArffDataset(dataset);
      expect(lines.length).toBe(ds.numInstances);
      if (file.includes('cv10')) {
        const cv = crossValidate(ds, { laplace }, 10, 1);
        const order = cv.foldRows.flat();
        lines.forEach((l, i) => {
          // Weka truncates long class names in this listing, hence the prefix test.
          expect(ds.classAttribute.values[ds.classes[order[i]]].startsWith(l.actual)).toBe(true);
          expect(formatDistribution(cv.distributions[order[i]])).toBe(l.distribution);
        });
      } else {
        const tree = buildTree(ds, resolveOptions({ laplace }));
        lines.forEach((l) => {
          const d = distributionForInstance(tree, rowInstance(ds, l.inst - 1));
          expect(formatDistribution(d)).toBe(l.distribution);
          expect(ds.classAttribute.values[predictedIndex(d)].startsWith(l.predicted)).toBe(true);
        });
      }
    });
  });
});

describe('Weka fold assignment (cv10_seed1_folds.json)', () => {
  const files = readdirSync(fixturePath('outputs', 'json')).filter((f) => f.endsWith('__cv10_seed1_folds.json'));
  it.each(files)('%s', (file) => {
    const ref = JSON.parse(readFixture('outputs', 'json', file)) as { orderAfterRandomizeStratify: number[]; testFolds: number[][] };
    const ds = loadArffDataset(file.replace(/__.*$/, ''));
    const { order } = wekaFolds(ds, 10, 1);
    expect(Array.from(order, (r) => r + 1)).toEqual(ref.orderAfterRandomizeStratify);
    const cv = crossValidate(ds, {}, 10, 1);
    expect(cv.foldRows.map((f) => f.map((r) => r + 1))).toEqual(ref.testFolds);
  });
});

describe('fixtures', () => {
  // The fixtures are a copy of the shared reference folder; when that folder is reachable
  // (C45_REFERENCE_DIR or <repo>/../shared/c45), check that the copy is still identical.
  const original = originalReferenceDir();
  (original ? it : it.skip)('are byte-identical to the shared reference folder', () => {
    const dir = original as string;
    for (const sub of ['outputs', 'outputs/json', 'datasets']) {
      for (const f of readdirSync(fixturePath(sub))) {
        if (f.endsWith('.gz') || !f.includes('.')) continue;
        expect(readFileSync(fixturePath(sub, f)).equals(readFileSync(path.join(dir, sub, f)))).toBe(true);
      }
    }
    const gz = gunzipSync(readFileSync(fixturePath('datasets', 'students_100k.arff.gz')));
    expect(gz.equals(readFileSync(path.join(dir, 'datasets', 'students_100k.arff')))).toBe(true);
  });
});

describe('held-out evaluation', () => {
  it('segment-challenge tree scores segment-test like J48 (-T)', () => {
    const text = readFixture('outputs', 'segment-challenge__test_on_segment-test.txt');
    const tree = trained('segment-challenge', 'default');
    expect(toJ48Text(tree)).toBe(treeBlock(text));
    const exp = sectionStats(text, '=== Error on test data ===');
    const got = evaluateOn(tree, loadArffDataset('segment-test'));
    expect(got.correct).toBe(exp?.correct);
    expect(got.confusion).toEqual(exp?.confusion);
  });
});
