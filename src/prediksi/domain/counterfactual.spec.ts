import { type DatasetSpec, predict, trainC45 } from '../c45';
import { counterfactuals, firstGridValueAbove, SARAN_STEP } from './counterfactual';
import { KATEGORI_PRESTASI } from './feature-catalogue';

function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

type Row = Record<string, number | string>;
const KEHADIRAN = ['Rendah', 'Sedang', 'Tinggi'];
const PENGHASILAN = ['Rendah', 'Menengah', 'Tinggi'];

/** A noisy school where achievement follows the average, attendance and (to tempt the advice) income. */
function school(n: number, seed: number): { spec: DatasetSpec; rows: Row[] } {
  const rnd = makeRng(seed);
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const rata = Math.round((50 + rnd() * 45) * 11) / 11;
    const matematika = Math.round(40 + rnd() * 60);
    const k = KEHADIRAN[Math.floor(rnd() * 3)];
    const p = PENGHASILAN[Math.floor(rnd() * 3)];
    const score = rata + (k === 'Tinggi' ? 4 : k === 'Rendah' ? -6 : 0) + (p === 'Tinggi' ? 3 : 0) + (matematika - 70) / 10 + (rnd() - 0.5) * 4;
    rows.push({ rata_rata: rata, matematika, kategori_kehadiran: k, kategori_penghasilan: p, label: score >= 82 ? 'Tinggi' : score >= 70 ? 'Sedang' : 'Rendah' });
  }
  const spec: DatasetSpec = {
    features: [
      { name: 'rata_rata', type: 'numeric', values: rows.map((r) => r.rata_rata as number) },
      { name: 'matematika', type: 'numeric', values: rows.map((r) => r.matematika as number) },
      { name: 'kategori_penghasilan', type: 'nominal', values: rows.map((r) => r.kategori_penghasilan as string), domain: PENGHASILAN },
      { name: 'kategori_kehadiran', type: 'nominal', values: rows.map((r) => r.kategori_kehadiran as string), domain: KEHADIRAN },
    ],
    target: { name: 'prestasi', values: rows.map((r) => r.label as string), domain: [...KATEGORI_PRESTASI] },
  };
  return { spec, rows };
}

const rank = (c: string | null): number => KATEGORI_PRESTASI.indexOf(c as (typeof KATEGORI_PRESTASI)[number]);

describe('firstGridValueAbove (J48 sends v left when v - t < 1e-6)', () => {
  it.each([
    [76.5, 76.51],
    [74.54545454, 74.55],
    [80, 80.01],
    [79.999999, 80.01],
    [79.9999999, 80.01],
  ])('threshold %p → %p', (t, expected) => {
    expect(firstGridValueAbove(t)).toBe(expected);
  });

  it('the value found goes right and the grid value before it goes left', () => {
    const rnd = makeRng(3);
    for (let i = 0; i < 2000; i++) {
      const t = rnd() * 100;
      const v = firstGridValueAbove(t);
      expect(v - t >= 1e-6).toBe(true);
      expect(v - SARAN_STEP - t < 1e-6).toBe(true);
    }
  });
});

describe('counterfactuals on trained trees', () => {
  const cases = [11, 23, 37].map((seed) => ({ seed, ...school(400, seed) }));

  it.each(cases)('every option raises the prediction and is minimal on the 0.01 grid (seed $seed)', ({ spec, rows }) => {
    const tree = trainC45(spec, { minNumObj: 3 });
    let checked = 0;
    for (const row of rows.slice(0, 60)) {
      const base = rank(predict(tree, row).className);
      const options = counterfactuals(tree, row);
      if (base === KATEGORI_PRESTASI.length - 1) expect(options).toEqual([]);
      for (const o of options) {
        checked++;
        const raised = predict(tree, { ...row, [o.attribute]: o.to }).className;
        expect(raised).toBe(o.prediction);
        expect(rank(raised)).toBeGreaterThan(base);
        if (o.kind === 'numeric') {
          expect(o.to as number).toBeGreaterThan(row[o.attribute] as number);
          expect((o.to as number) - (o.threshold as number) >= 1e-6).toBe(true);
          // Every grid value between the student's value and the suggestion keeps the prediction from rising.
          for (let k = Math.floor((row[o.attribute] as number) * 100) + 1; k < Math.round((o.to as number) * 100); k++) {
            expect(rank(predict(tree, { ...row, [o.attribute]: k / 100 }).className)).toBeLessThanOrEqual(base);
          }
        } else {
          // Every better category nearer than the suggested one does not raise it.
          const from = KEHADIRAN.indexOf(row[o.attribute] as string);
          for (let c = from + 1; c < KEHADIRAN.indexOf(o.to as string); c++) {
            expect(rank(predict(tree, { ...row, [o.attribute]: KEHADIRAN[c] }).className)).toBeLessThanOrEqual(base);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it.each(cases)('never advises income, and orders options by change relative to the scale (seed $seed)', ({ spec, rows }) => {
    const tree = trainC45(spec, { minNumObj: 3 });
    for (const row of rows.slice(0, 120)) {
      const options = counterfactuals(tree, row);
      expect(options.map((o) => o.attribute)).not.toContain('kategori_penghasilan');
      for (let i = 1; i < options.length; i++) expect(options[i].effort).toBeGreaterThanOrEqual(options[i - 1].effort);
      for (const o of options) {
        expect(o.effort).toBeCloseTo(o.kind === 'numeric' ? o.change / 100 : o.change / 2, 10);
      }
    }
  });
});

describe('counterfactuals on a tree with a known threshold', () => {
  // Rendah below 70 (exclusive of 70 itself), Sedang from 70.5 up; the attendance category does not matter.
  const rows: Row[] = [];
  for (let v = 60; v <= 80; v += 0.5) rows.push({ rata_rata: v, kategori_kehadiran: KEHADIRAN[rows.length % 3], label: v <= 70 ? 'Rendah' : 'Sedang' });
  const spec: DatasetSpec = {
    features: [
      { name: 'rata_rata', type: 'numeric', values: rows.map((r) => r.rata_rata as number) },
      { name: 'kategori_kehadiran', type: 'nominal', values: rows.map((r) => r.kategori_kehadiran as string), domain: KEHADIRAN },
    ],
    target: { name: 'prestasi', values: rows.map((r) => r.label as string), domain: [...KATEGORI_PRESTASI] },
  };
  const tree = trainC45(spec);

  it('suggests the first 0.01 step past the threshold, states the threshold, and nothing for Sedang→Tinggi', () => {
    expect(counterfactuals(tree, { rata_rata: 65, kategori_kehadiran: 'Rendah' })).toEqual([
      { attribute: 'rata_rata', kind: 'numeric', from: 65, to: 70.01, threshold: 70, change: 5.01, effort: 0.0501, prediction: 'Sedang' },
    ]);
    // No single change reaches Tinggi: the tree never predicts it.
    expect(counterfactuals(tree, { rata_rata: 75, kategori_kehadiran: 'Rendah' })).toEqual([]);
  });

  it('a missing value of the feature gives no advice on it', () => {
    expect(counterfactuals(tree, { rata_rata: null, kategori_kehadiran: 'Rendah' })).toEqual([]);
  });
});
