import { attributeFairness, fairnessReport, maxRatio, UNKNOWN_GROUP } from './fairness';

const CLASSES = ['Rendah', 'Sedang', 'Tinggi'];
const R = 0;
const S = 1;
const T = 2;
/** Ten rows counted by hand (see the expectations). */
const actual = [R, R, R, S, S, S, T, T, R, S];
const predicted = [R, S, R, S, S, T, T, S, R, R];
const gender = ['L', 'L', 'L', 'L', 'L', 'P', 'P', 'P', 'P', 'P'];
/** A distribution whose argmax is `p`, as the CV hands them over. */
const dist = (p: number): number[] => CLASSES.map((_, c) => (c === p ? 0.7 : 0.15));

describe('fairness report (hand count on ten rows)', () => {
  it('per group: count, accuracy, predicted-class rates, Rendah recall', () => {
    const report = attributeFairness(CLASSES, actual, predicted, gender, ['L', 'P']);
    // L: rows 0-4 → right 0,2,3,4 (4/5); predicted R,S,R,S,S; Rendah rows 0,1,2, found 0 and 2.
    // P: rows 5-9 → right 6,8 (2/5); predicted T,T,S,R,R; Rendah row 8, found.
    expect(report.groups).toEqual([
      {
        group: 'L',
        count: 5,
        accuracy: 0.8,
        predicted_rate: { Rendah: 0.4, Sedang: 0.6, Tinggi: 0 },
        at_risk_count: 3,
        recall_rendah: 0.6667,
      },
      {
        group: 'P',
        count: 5,
        accuracy: 0.4,
        predicted_rate: { Rendah: 0.4, Sedang: 0.2, Tinggi: 0.4 },
        at_risk_count: 1,
        recall_rendah: 1,
      },
    ]);
    // Largest over smallest: accuracy 0.8/0.4, recall 1/(2/3) exactly, Sedang 0.6/0.2; Tinggi has a 0 → null.
    expect(report.max_ratio).toEqual({ accuracy: 2, recall_rendah: 1.5, predicted_rate: { Rendah: 1, Sedang: 3, Tinggi: null } });
  });

  it('from CV distributions, for several attributes; unknown values and unlabelled rows', () => {
    const income = ['Rendah', 'Tinggi', 'Rendah', null, 'Tinggi', 'Rendah', 'Tinggi', 'Rendah', 'Tinggi', 'Rendah'];
    const withUnlabelled = [...actual, -1];
    const report = fairnessReport(
      CLASSES,
      withUnlabelled,
      [...predicted, R].map(dist),
      { jenis_kelamin: [...gender, 'L'], kategori_penghasilan: [...income, 'Rendah'] },
      10,
      {
        kategori_penghasilan: ['Rendah', 'Menengah', 'Tinggi'],
      },
    );
    expect(report.rows).toBe(10);
    expect(report.attributes.jenis_kelamin.groups.map((g) => g.count)).toEqual([5, 5]);
    const byIncome = report.attributes.kategori_penghasilan.groups;
    expect(byIncome.map((g) => [g.group, g.count])).toEqual([
      ['Rendah', 5],
      ['Tinggi', 4],
      [UNKNOWN_GROUP, 1],
    ]);
    // Rendah income: rows 0,2,5,7,9 → right 0,2 (2/5); Rendah actual 0,2 both found.
    expect(byIncome[0]).toMatchObject({ accuracy: 0.4, at_risk_count: 2, recall_rendah: 1 });
    // Tinggi income: rows 1,4,6,8 → right 4,6,8 (3/4); Rendah actual 1 (missed), 8 (found).
    expect(byIncome[1]).toMatchObject({ accuracy: 0.75, at_risk_count: 2, recall_rendah: 0.5 });
    // Unknown: row 3 (S→S), no Rendah row.
    expect(byIncome[2]).toMatchObject({ accuracy: 1, at_risk_count: 0, recall_rendah: null });
    expect(report.attributes.kategori_penghasilan.max_ratio.accuracy).toBe(2.5);
    expect(report.attributes.kategori_penghasilan.max_ratio.recall_rendah).toBe(2);
  });

  it('maxRatio needs two groups and a positive smallest value', () => {
    expect(maxRatio([0.5])).toBeNull();
    expect(maxRatio([0.5, 0])).toBeNull();
    expect(maxRatio([0.5, null, 0.25])).toBe(2);
  });
});
