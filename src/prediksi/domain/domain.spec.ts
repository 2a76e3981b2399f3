import { crossValidate, explainPath, predict, trainC45 } from '../c45';
import type { DatasetSpec } from '../c45';
import type { TreeNode } from '../render/tree-node';
import { explain, formatThreshold } from './explanation';
import { ruleLabel } from './feature-catalogue';
import { chooseFolds, confusionInLabelOrder, summarizeCv } from './metrics';
import { nextSemester, semesterPrediksi, tahunAjaranOn } from './semester';
import { leavesOf, toTreeData } from './tree-data';
import { leafCachedPredictor, predictInstance } from './predict';

function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

/** A small noisy school: achievement depends on the average, attendance and income. */
function school(n: number, seed = 7): { spec: DatasetSpec; rows: Array<Record<string, number | string>> } {
  const rnd = makeRng(seed);
  const rows: Array<Record<string, number | string>> = [];
  const kehadiran = ['Rendah', 'Sedang', 'Tinggi'];
  const penghasilan = ['Rendah', 'Menengah', 'Tinggi'];
  for (let i = 0; i < n; i++) {
    const rata = 55 + rnd() * 40;
    const k = kehadiran[Math.floor(rnd() * 3)];
    const p = penghasilan[Math.floor(rnd() * 3)];
    const score = rata + (k === 'Tinggi' ? 3 : k === 'Rendah' ? -5 : 0) + (rnd() - 0.5) * 6;
    rows.push({ rata_rata: rata, kategori_kehadiran: k, kategori_penghasilan: p, label: score >= 82 ? 'Tinggi' : score >= 72 ? 'Sedang' : 'Rendah' });
  }
  const spec: DatasetSpec = {
    features: [
      { name: 'rata_rata', type: 'numeric', values: rows.map((r) => r.rata_rata as number) },
      { name: 'kategori_penghasilan', type: 'nominal', values: rows.map((r) => r.kategori_penghasilan as string), domain: penghasilan },
      { name: 'kategori_kehadiran', type: 'nominal', values: rows.map((r) => r.kategori_kehadiran as string), domain: kehadiran },
    ],
    target: { name: 'prestasi', values: rows.map((r) => r.label as string), domain: ['Rendah', 'Sedang', 'Tinggi'] },
  };
  return { spec, rows };
}

/** Walks the client tree as a browser would: threshold for numeric nodes, edge label = value otherwise. */
function replay(node: TreeNode, x: Record<string, number | string>): TreeNode {
  let current = node;
  while (current.type === 'internal') {
    const v = x[current.attribute];
    const threshold = current.threshold;
    const next =
      threshold !== undefined
        ? current.children[(v as number) <= threshold ? 0 : 1]
        : current.children.find((c) => c.edge_label === v);
    if (!next) throw new Error(`no branch for ${current.attribute}=${String(v)}`);
    current = next;
  }
  return current;
}

describe('semester arithmetic', () => {
  it('Ganjil → Genap of the same year; Genap → Ganjil of the next', () => {
    expect(nextSemester('Ganjil', '2023/2024')).toEqual({ semester: 'Genap', tahun_ajaran: '2023/2024' });
    expect(nextSemester('Genap', '2023/2024')).toEqual({ semester: 'Ganjil', tahun_ajaran: '2024/2025' });
    expect(semesterPrediksi('Genap', '2023/2024')).toMatchObject({
      data_dari_semester: 'Genap',
      data_dari_tahun_ajaran: '2023/2024',
      prediksi_untuk_semester: 'Ganjil',
      prediksi_untuk_tahun_ajaran: '2024/2025',
    });
    expect(() => nextSemester('Genap', '2023-2024')).toThrow(RangeError);
  });

  it('knows the school year of a date (July starts it)', () => {
    expect(tahunAjaranOn(new Date('2025-03-01T00:00:00Z'))).toEqual({ startYear: 2024, semester: 'Genap' });
    expect(tahunAjaranOn(new Date('2025-07-15T00:00:00Z'))).toEqual({ startYear: 2025, semester: 'Ganjil' });
  });
});

describe('the design rule', () => {
  it('labels at the exact boundaries', () => {
    expect(ruleLabel(80, 80)).toBe('Tinggi');
    expect(ruleLabel(80, 79.99)).toBe('Sedang');
    expect(ruleLabel(70, 75)).toBe('Sedang');
    expect(ruleLabel(69.99, 100)).toBe('Rendah');
    expect(ruleLabel(90, 74)).toBe('Rendah');
  });
});

describe('explanations and tree-data', () => {
  const { spec, rows } = school(400);
  const tree = trainC45(spec);
  const data = toTreeData(tree);

  it('words each step and keeps the exact threshold', () => {
    const path = explainPath(tree, rows[0]);
    const steps = explain(path);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(s.text.length).toBeGreaterThan(3);
      if (s.attribute === 'rata_rata') expect(s.text).toMatch(/^Nilai rata-rata (≤|>) \d/);
    }
    expect(formatThreshold('rata_rata', 74.54545454)).toBe('74.545');
    expect(formatThreshold('total_penghasilan', 2300000)).toMatch(/^Rp 2.300.000$/);
  });

  it('every student reaches, in tree-data, a leaf predicting what the classifier predicts', () => {
    for (const x of rows) {
      const leaf = replay(data, x);
      expect(leaf.type).toBe('leaf');
      if (leaf.type === 'leaf') expect(leaf.prediction).toBe(predict(tree, x).className);
    }
  });

  it('nominal splits have one child per value, labelled with the value', () => {
    const nominal: TreeNode[] = [];
    const walk = (n: TreeNode): void => {
      if (n.type === 'internal') {
        if (n.threshold === undefined) nominal.push(n);
        n.children.forEach(walk);
      }
    };
    walk(data);
    for (const n of nominal) {
      if (n.type !== 'internal') continue;
      expect(n.children.map((c) => c.edge_label).sort()).toEqual(['Rendah', 'Sedang', 'Tinggi'].filter((v) => n.children.some((c) => c.edge_label === v)).sort());
      expect(n.children.length).toBe(3);
    }
    expect(leavesOf(data).length).toBeGreaterThan(1);
  });
});

describe('batch predictor', () => {
  it('answers exactly like the one-by-one prediction, including for a missing value', () => {
    const { spec, rows } = school(300, 11);
    const tree = trainC45(spec);
    const cached = leafCachedPredictor(tree);
    for (const x of rows) expect(cached(x)).toEqual(predictInstance(tree, x));
    const missing = { ...rows[0], rata_rata: null };
    expect(cached(missing)).toEqual(predictInstance(tree, missing));
  });
});

describe('metrics', () => {
  it('uses fewer folds when a class is smaller than the folds, and says so', () => {
    expect(chooseFolds(10, [50, 40, 30])).toEqual({ folds: 10, note: null });
    const small = chooseFolds(10, [50, 4, 30]);
    expect(small.folds).toBe(4);
    expect(small.note).toMatch(/4 labelled rows/);
    expect(chooseFolds(10, [50, 1, 0]).folds).toBe(2);
  });

  it('summarises cross-validation with per-fold spread and the majority baseline', () => {
    const { spec } = school(300, 3);
    const cv = crossValidate(spec, {}, 10, 1);
    const actual = spec.target.values.map((v) => ['Rendah', 'Sedang', 'Tinggi'].indexOf(v as string));
    const s = summarizeCv(cv, actual, 10, null);
    expect(s.fold_accuracies).toHaveLength(10);
    const mean = s.fold_accuracies.reduce((a, b) => a + b, 0) / 10;
    expect(mean).toBeCloseTo(s.accuracy, 1);
    expect(s.majority_class_rate).toBeGreaterThan(0.3);
    expect(s.accuracy).toBeGreaterThan(s.majority_class_rate);
    expect(Object.keys(s.class_report).sort()).toEqual(['Rendah', 'Sedang', 'Tinggi']);
    const cm = confusionInLabelOrder(cv);
    expect(cm.labels).toEqual(['Rendah', 'Sedang', 'Tinggi']);
    expect(cm.matrix.flat().reduce((a, b) => a + b, 0)).toBe(300);
  });
});
