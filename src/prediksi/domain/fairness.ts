/**
 * Whether the model treats groups of students alike, from its cross-validated predictions (each row
 * predicted by a tree that never saw it): per group of a sensitive attribute the row count, the
 * accuracy, how often each class is predicted, and the recall of the at-risk class (of the students
 * who really were `Rendah`, the share the model flags). `max_ratio` is the largest group value over
 * the smallest for each of these: 1 means equal treatment; null when a group has 0 (or only one group).
 */
import { predictedIndex } from '../c45/classify';

export const AT_RISK_CLASS = 'Rendah';
/** The attributes the report is made for (whether or not the model uses them as features). */
export const FAIRNESS_ATTRIBUTES = ['jenis_kelamin', 'kategori_penghasilan'] as const;
export type FairnessAttribute = (typeof FAIRNESS_ATTRIBUTES)[number];
/** A row whose group value is not recorded is counted under this name. */
export const UNKNOWN_GROUP = '(tidak diketahui)';

export interface GroupFairness {
  group: string;
  count: number;
  accuracy: number;
  /** Share of the group's rows predicted as each class. */
  predicted_rate: Record<string, number>;
  /** Rows of the group whose actual class is the at-risk one. */
  at_risk_count: number;
  /** Recall of `Rendah` within the group; null when the group has no `Rendah` row. */
  recall_rendah: number | null;
}

export interface AttributeFairness {
  groups: GroupFairness[];
  max_ratio: { accuracy: number | null; recall_rendah: number | null; predicted_rate: Record<string, number | null> };
}

export interface FairnessReport {
  source: 'cross_validation';
  folds: number;
  rows: number;
  attributes: Record<string, AttributeFairness>;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Largest over smallest; null unless there are two values and the smallest is positive. */
export function maxRatio(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const min = Math.min(...known);
  return min > 0 ? r4(Math.max(...known) / min) : null;
}

/**
 * One attribute's report. `actual[r]` / `predicted[r]`: class indexes in `classNames` (-1 = none);
 * `groupOf[r]`: the row's value of the attribute; `order`: the attribute's declared values, listed first.
 */
export function attributeFairness(
  classNames: readonly string[],
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  groupOf: ReadonlyArray<string | null>,
  order: readonly string[] = [],
): AttributeFairness {
  const atRisk = classNames.indexOf(AT_RISK_CLASS);
  const byGroup = new Map<string, { count: number; correct: number; predicted: number[]; atRisk: number; atRiskHit: number }>();
  for (let r = 0; r < actual.length; r++) {
    if (actual[r] < 0) continue;
    const g = groupOf[r] ?? UNKNOWN_GROUP;
    let s = byGroup.get(g);
    if (!s) byGroup.set(g, (s = { count: 0, correct: 0, predicted: classNames.map(() => 0), atRisk: 0, atRiskHit: 0 }));
    s.count++;
    if (predicted[r] === actual[r]) s.correct++;
    if (predicted[r] >= 0) s.predicted[predicted[r]]++;
    if (actual[r] === atRisk) {
      s.atRisk++;
      if (predicted[r] === atRisk) s.atRiskHit++;
    }
  }
  const rank = (g: string): number => (order.includes(g) ? order.indexOf(g) : order.length);
  const stats = [...byGroup.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  // Ratios from the exact shares, not the rounded ones shown.
  const accuracy = stats.map(([, s]) => s.correct / s.count);
  const recall = stats.map(([, s]) => (s.atRisk ? s.atRiskHit / s.atRisk : null));
  const rate = (c: number): number[] => stats.map(([, s]) => s.predicted[c] / s.count);
  const groups: GroupFairness[] = stats.map(([group, s], i) => ({
    group,
    count: s.count,
    accuracy: r4(accuracy[i]),
    predicted_rate: Object.fromEntries(classNames.map((c, k) => [c, r4(s.predicted[k] / s.count)])),
    at_risk_count: s.atRisk,
    recall_rendah: recall[i] === null ? null : r4(recall[i]),
  }));
  return {
    groups,
    max_ratio: {
      accuracy: maxRatio(accuracy),
      recall_rendah: maxRatio(recall),
      predicted_rate: Object.fromEntries(classNames.map((c, k) => [c, maxRatio(rate(k))])),
    },
  };
}

/** The report for every attribute in `groups` (attribute → value per row), from CV distributions. */
export function fairnessReport(
  classNames: readonly string[],
  actual: ArrayLike<number>,
  distributions: ReadonlyArray<ArrayLike<number>>,
  groups: Readonly<Record<string, ReadonlyArray<string | null>>>,
  folds: number,
  orders: Readonly<Record<string, readonly string[]>> = {},
): FairnessReport {
  const predicted = distributions.map((d) => predictedIndex(d));
  let rows = 0;
  for (let r = 0; r < actual.length; r++) if (actual[r] >= 0) rows++;
  const attributes: Record<string, AttributeFairness> = {};
  for (const [name, groupOf] of Object.entries(groups))
    attributes[name] = attributeFairness(classNames, actual, predicted, groupOf, orders[name]);
  return { source: 'cross_validation', folds, rows, attributes };
}
