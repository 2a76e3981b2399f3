/**
 * Explanations in words: the path of conditions a prediction followed from the root to its leaf,
 * as `{attribute, operator, value, text}` (API.md §5), e.g. `Nilai rata-rata ≤ 74.5`.
 */
import type { ConditionOperator, ExplainedPath } from '../c45';
import { hasText, msg } from '../../i18n/catalogue';
import { t } from '../../i18n/language';
import { featureLabel } from './feature-catalogue';

export interface ExplanationStep {
  attribute: string;
  operator: ConditionOperator;
  /** The exact threshold of a numeric test (so a client can replay it), the value of a nominal one. */
  value: number | string;
  text: string;
  /** Present when the student's value was missing and the most common branch was followed. */
  missing?: boolean;
}

const SYMBOL: Record<ConditionOperator, string> = { '<=': '≤', '>': '>', '=': '=', '!=': '≠' };

const rupiah = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** Thresholds are midpoints such as 74.54545454; three decimals read well and never flip a side visibly. */
export function formatThreshold(attribute: string, value: number): string {
  if (attribute === 'total_penghasilan') return `Rp ${rupiah.format(value)}`;
  return String(Math.round(value * 1000) / 1000);
}

/** A feature's name in the request's language; subject names (Matematika, …) are the same in both. */
export function featureText(attribute: string): string {
  const key = `FEATURE_${attribute}`;
  return hasText('messages', key) ? t({ ns: 'messages', key }) : featureLabel(attribute);
}

export function conditionText(attribute: string, operator: ConditionOperator, value: number | string): string {
  const shown = typeof value === 'number' ? formatThreshold(attribute, value) : value;
  return `${featureText(attribute)} ${SYMBOL[operator]} ${shown}`;
}

export function explain(path: ExplainedPath): ExplanationStep[] {
  return path.steps.map((step) => {
    const text = conditionText(step.attribute, step.operator, step.value);
    const out: ExplanationStep = { attribute: step.attribute, operator: step.operator, value: step.value, text };
    if (step.missing) {
      out.missing = true;
      out.text = t(msg('EXPLANATION_MISSING_VALUE', { condition: text }));
    }
    return out;
  });
}
