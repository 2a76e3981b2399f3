import { calibrationReport, calibrationScores } from './calibration';

/** Five scored rows and one unlabelled one; the numbers below are worked out by hand. */
const actual = [0, 1, 2, 0, 1, -1];
const dists = [
  [0.8, 0.1, 0.1], // Brier 0.04+0.01+0.01 = 0.06; confidence 0.8 (bin 8), right
  [0.6, 0.3, 0.1], // 0.36+0.49+0.01 = 0.86; 0.6 (bin 6), wrong
  [0, 0, 1], //       0; 1.0 (bin 9, the last bin includes 1), right
  [0.5, 0.5, 0], //   0.25+0.25 = 0.5; a tie goes to the first class (Weka): 0.5 (bin 5), right
  [2, 6, 2], //       not normalised (Weka): 0.2/0.6/0.2 → 0.04+0.16+0.04 = 0.24; 0.6 (bin 6), right
  [1, 0, 0], //       no class: skipped
];

describe('calibration (hand computation)', () => {
  it('Brier score: mean over rows of the squared distance to the one-hot truth', () => {
    expect(calibrationScores(actual, dists).brier).toBeCloseTo((0.06 + 0.86 + 0 + 0.5 + 0.24) / 5, 10);
  });

  it('ECE over 10 bins: Σ (rows in bin / rows) · |accuracy − mean confidence|', () => {
    const { ece, bins } = calibrationScores(actual, dists);
    // bin 5: 1 row, |1 − 0.5|; bin 6: 2 rows, |0.5 − 0.6|; bin 8: 1 row, |1 − 0.8|; bin 9: 1 row, |1 − 1|.
    expect(ece).toBeCloseTo((1 / 5) * 0.5 + (2 / 5) * 0.1 + (1 / 5) * 0.2 + 0, 4);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 1, 1]);
    expect(bins[6]).toEqual({ lower: 0.6, upper: 0.7, count: 2, mean_confidence: 0.6, accuracy: 0.5 });
    expect(bins[0]).toEqual({ lower: 0, upper: 0.1, count: 0, mean_confidence: null, accuracy: null });
  });

  it('a perfectly confident, always right model scores 0 and 0', () => {
    expect(
      calibrationScores(
        [0, 1],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toMatchObject({ brier: 0, ece: 0 });
  });

  it('the report names the better-calibrated leaf estimate (lower ECE)', () => {
    const sharper = [
      [0.9, 0.05, 0.05],
      [0.6, 0.3, 0.1],
      [0, 0, 1],
      [0.5, 0.5, 0],
      [2, 6, 2],
      [1, 0, 0],
    ];
    const report = calibrationReport(actual, { plain: dists, laplace: sharper }, 'plain');
    expect(report.rows).toBe(5);
    expect(report.used).toBe('plain');
    // Row 0 at 0.9 (bin 9, right) instead of 0.8: |1 − 0.95|·2/5 replaces 0.2/5 → ECE 0.16 < 0.18.
    expect(report.laplace.ece).toBeCloseTo(0.16, 4);
    expect(report.better).toBe('laplace');
  });
});
