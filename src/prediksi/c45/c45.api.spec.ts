import {
  C45InputError,
  classify,
  createDataset,
  crossValidate,
  deserializeTree,
  evaluate,
  explainPath,
  featureImportance,
  predict,
  serializeTree,
  toJ48Text,
  toRules,
  trainC45,
  treeStats,
} from './index';
import type { DatasetSpec } from './index';
import { readFixture, treeBlock } from './testing/reference-fixtures';

/** weather.numeric as plain arrays, the way the prediction module will call the API. */
const weather: DatasetSpec = {
  features: [
    { name: 'outlook', type: 'nominal', domain: ['sunny', 'overcast', 'rainy'], values: ['sunny', 'sunny', 'overcast', 'rainy', 'rainy', 'rainy', 'overcast', 'sunny', 'sunny', 'rainy', 'sunny', 'overcast', 'overcast', 'rainy'] },
    { name: 'temperature', type: 'numeric', values: [85, 80, 83, 70, 68, 65, 64, 72, 69, 75, 75, 72, 81, 71] },
    { name: 'humidity', type: 'numeric', values: [85, 90, 86, 96, 80, 70, 65, 95, 70, 80, 70, 90, 75, 91] },
    { name: 'windy', type: 'nominal', domain: ['TRUE', 'FALSE'], values: ['FALSE', 'TRUE', 'FALSE', 'FALSE', 'FALSE', 'TRUE', 'TRUE', 'FALSE', 'FALSE', 'FALSE', 'TRUE', 'TRUE', 'FALSE', 'TRUE'] },
  ],
  target: { name: 'play', domain: ['yes', 'no'], values: ['no', 'no', 'yes', 'yes', 'yes', 'no', 'yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'no'] },
};

/** A small student table with the product's classes. */
function students(): DatasetSpec {
  const rata: number[] = [];
  const hadir: number[] = [];
  const kelas: string[] = [];
  const penghasilan: (string | null)[] = [];
  for (let i = 0; i < 60; i++) {
    const r = 60 + ((i * 7) % 35);
    const h = 65 + ((i * 11) % 35);
    rata.push(r);
    hadir.push(h);
    kelas.push(r >= 80 && h >= 80 ? 'Tinggi' : r >= 70 && h >= 75 ? 'Sedang' : 'Rendah');
    penghasilan.push(i % 9 === 0 ? null : ['Rendah', 'Menengah', 'Tinggi'][i % 3]);
  }
  return {
    features: [
      { name: 'rata_rata', type: 'numeric', values: rata },
      { name: 'persentase_kehadiran', type: 'numeric', values: hadir },
      { name: 'kategori_penghasilan', type: 'nominal', values: penghasilan, domain: ['Rendah', 'Menengah', 'Tinggi'] },
    ],
    target: { name: 'prediksi_prestasi', values: kelas, domain: ['Rendah', 'Sedang', 'Tinggi'] },
  };
}

describe('public API', () => {
  const tree = trainC45(weather);

  it('trains from plain arrays exactly like J48 on the ARFF file', () => {
    expect(toJ48Text(tree)).toBe(treeBlock(readFixture('outputs', 'weather.numeric__default.txt')));
    expect(treeStats(tree)).toEqual({ numLeaves: 5, size: 8 });
  });

  it('classifies a record by attribute name, missing values spread over branches', () => {
    expect(classify(tree, { outlook: 'sunny', humidity: 70, temperature: 70, windy: 'TRUE' })).toEqual([1, 0]);
    expect(predict(tree, { outlook: 'rainy', windy: 'TRUE' })).toEqual({ className: 'no', distribution: [0, 1] });
    // outlook missing: 5/14 sunny, 4/14 overcast, 5/14 rainy; humidity 70 -> yes, windy FALSE -> yes.
    const d = classify(tree, { humidity: 70, windy: 'FALSE' });
    expect(d[0]).toBeCloseTo(1, 12);
    const half = classify(tree, { humidity: 90, windy: 'FALSE' });
    expect(half[0]).toBeCloseTo(9 / 14, 12);
    expect(half[1]).toBeCloseTo(5 / 14, 12);
  });

  it('explains the path followed (heaviest branch when a value is missing)', () => {
    expect(explainPath(tree, { outlook: 'sunny', humidity: 80 })).toEqual({
      steps: [
        { attribute: 'outlook', operator: '=', value: 'sunny', missing: false },
        { attribute: 'humidity', operator: '>', value: 75, missing: false },
      ],
      leaf: { className: 'no', coverage: 3, errors: 0 },
    });
    const p = explainPath(tree, { windy: 'TRUE' });
    // sunny and rainy both weigh 5; the first heaviest (sunny) is followed.
    expect(p.steps[0]).toEqual({ attribute: 'outlook', operator: '=', value: 'sunny', missing: true });
    expect(p.steps[1]).toEqual({ attribute: 'humidity', operator: '>', value: 75, missing: true });
  });

  it('produces one rule per leaf', () => {
    const rules = toRules(tree);
    expect(rules).toHaveLength(5);
    expect(rules.map((r) => r.text)).toEqual([
      'IF outlook = sunny AND humidity <= 75 THEN yes (2)',
      'IF outlook = sunny AND humidity > 75 THEN no (3)',
      'IF outlook = overcast THEN yes (4)',
      'IF outlook = rainy AND windy = TRUE THEN no (2)',
      'IF outlook = rainy AND windy = FALSE THEN yes (3)',
    ]);
    expect(rules[0].conditions).toEqual([
      { attribute: 'outlook', operator: '=', value: 'sunny' },
      { attribute: 'humidity', operator: '<=', value: 75 },
    ]);
    expect(rules[0].confidence).toBe(1);
  });

  it('computes feature importance as documented (weighted entropy decrease, normalised)', () => {
    const imp = featureImportance(tree);
    const h = (ps: number[]): number => -ps.filter((p) => p > 0).reduce((s, p) => s + p * Math.log2(p), 0);
    const root = h([9 / 14, 5 / 14]) - (5 / 14) * h([2 / 5, 3 / 5]) - (4 / 14) * 0 - (5 / 14) * h([3 / 5, 2 / 5]);
    const humidity = (5 / 14) * h([2 / 5, 3 / 5]);
    const windy = (5 / 14) * h([3 / 5, 2 / 5]);
    const sum = root + humidity + windy;
    expect(imp.map((i) => i.attribute)).toEqual(['outlook', 'temperature', 'humidity', 'windy']);
    expect(imp[0].importance).toBeCloseTo(root / sum, 12);
    expect(imp[1].importance).toBe(0);
    expect(imp[2].importance).toBeCloseTo(humidity / sum, 12);
    expect(imp[3].importance).toBeCloseTo(windy / sum, 12);
    expect(imp.reduce((s, i) => s + i.importance, 0)).toBeCloseTo(1, 12);
  });

  it('round-trips JSON with a format_version and identical distributions', () => {
    const json = serializeTree(tree);
    expect(JSON.parse(json)).toMatchObject({ format: 'edupro-c45-tree', format_version: 1 });
    const loaded = deserializeTree(json);
    expect(toJ48Text(loaded)).toBe(toJ48Text(tree));
    for (const rec of [{ outlook: 'sunny', humidity: 76 }, { windy: 'TRUE' }, {}]) expect(classify(loaded, rec)).toEqual(classify(tree, rec));
  });

  it('rejects malformed or other-version JSON', () => {
    expect(() => deserializeTree('{')).toThrow(/not JSON/);
    const j = JSON.parse(serializeTree(tree)) as Record<string, unknown>;
    expect(() => deserializeTree({ ...j, format_version: 99 })).toThrow(/unsupported format_version 99/);
    expect(() => deserializeTree({ ...j, root: { leaf: false } })).toThrow(C45InputError);
  });

  it('evaluates and cross-validates with metrics (Tinggi/Sedang/Rendah)', () => {
    const spec = students();
    const t = trainC45(spec);
    const train = evaluate(t, spec);
    expect(train.classNames).toEqual(['Rendah', 'Sedang', 'Tinggi']);
    expect(train.total).toBe(60);
    const cv = crossValidate(spec, {}, 10, 1);
    expect(cv.confusion.flat().reduce((a, b) => a + b, 0) + cv.unclassified).toBe(60);
    expect(cv.accuracy).toBeCloseTo(cv.correct / 60, 15);
    for (const m of cv.perClass) {
      expect(m.f1).toBeCloseTo(m.precision + m.recall === 0 ? 0 : (2 * m.precision * m.recall) / (m.precision + m.recall), 12);
    }
    expect(cv.foldRows.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    const pred = predict(t, { rata_rata: 90, persentase_kehadiran: 95, kategori_penghasilan: null });
    expect(pred.className).toBe('Tinggi');
  });

  describe('bad input gives a C45InputError naming the problem', () => {
    it('empty dataset', () => {
      expect(() => trainC45({ features: [{ name: 'a', type: 'numeric', values: [] }], target: { name: 'k', values: [] } })).toThrow(/no instances/);
    });
    it('single class', () => {
      expect(() => trainC45({ features: [{ name: 'a', type: 'numeric', values: [1, 2] }], target: { name: 'k', values: ['Tinggi', 'Tinggi'] } })).toThrow(
        /single value \('Tinggi'\)/,
      );
    });
    it('all classes missing', () => {
      expect(() => trainC45({ features: [{ name: 'a', type: 'numeric', values: [1, 2] }], target: { name: 'k', values: [null, '?'] } })).toThrow(/no instance has a known value/);
    });
    it('column length mismatch', () => {
      expect(() => createDataset({ features: [{ name: 'a', type: 'numeric', values: [1] }], target: { name: 'k', values: ['x', 'y'] } })).toThrow(/has 1 values but the class column has 2/);
    });
    it('value outside a declared domain', () => {
      expect(() => createDataset({ features: [], target: { name: 'k', values: ['Tinggi', 'Sangat'], domain: ['Rendah', 'Sedang', 'Tinggi'] } })).toThrow(/'Sangat' \(row 2\) is not in its domain/);
    });
    it('unknown nominal value or non-number at classification time', () => {
      expect(() => classify(tree, { outlook: 'foggy' })).toThrow(/unknown value 'foggy'/);
      expect(() => classify(tree, { humidity: 'high' })).toThrow(/expects a number/);
    });
    it('bad options', () => {
      expect(() => trainC45(weather, { confidenceFactor: 0 })).toThrow(/confidenceFactor/);
      expect(() => trainC45(weather, { minNumObj: 0 })).toThrow(/minNumObj/);
      expect(() => crossValidate(weather, {}, 20)).toThrow(/20-fold/);
    });
    it('is a C45InputError with a code', () => {
      expect.assertions(2);
      try {
        trainC45({ features: [{ name: 'a', type: 'numeric', values: [1, 2] }], target: { name: 'k', values: ['x', 'x'] } });
      } catch (e) {
        expect(e).toBeInstanceOf(C45InputError);
        expect((e as C45InputError).code).toBe('SINGLE_CLASS');
      }
    });
  });
});
