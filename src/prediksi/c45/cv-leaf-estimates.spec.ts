import { crossValidate } from './index';
import { loadArffDataset } from './testing/reference-fixtures';

const weather = loadArffDataset('weather.numeric');

describe('cross-validation with both leaf estimates (for calibration)', () => {
  const plain = crossValidate(weather, {}, 3, 1);
  const plainBoth = crossValidate(weather, {}, 3, 1, { bothLeafEstimates: true });
  const laplaceBoth = crossValidate(weather, { laplace: true }, 3, 1, { bothLeafEstimates: true });

  it('changes nothing the evaluation reports; only adds the per-row distributions', () => {
    const { byLeafEstimate, ...rest } = plainBoth;
    expect(rest).toEqual(plain);
    expect(plain.byLeafEstimate).toBeUndefined();
    expect(byLeafEstimate!.plain).toEqual(plain.distributions);
  });

  it('the Laplace distributions are those of a -A cross-validation (same folds, same trees)', () => {
    expect(plainBoth.byLeafEstimate!.laplace).toEqual(laplaceBoth.distributions);
    expect(laplaceBoth.byLeafEstimate!.plain).toEqual(plain.distributions);
    // (n_c + 1) / (n + k): a pure leaf's certainty is smoothed below 1.
    expect(plain.distributions.some((d) => d.includes(1))).toBe(true);
    expect(laplaceBoth.distributions.every((d) => d.every((p) => p > 0 && p < 1))).toBe(true);
  });
});
