/**
 * What identifies a training row and what it says, in SQL, so training (which records it) and the
 * staleness check (which compares it with the data now) use the very same expressions.
 */
import { FEATURE_CATALOGUE, isFeatureName, type LabelSource, RULE_LABEL_SQL } from '../domain/feature-catalogue';

/** One student-semester (over the aliases of STUDENT_SEMESTER_FROM). */
export const ROW_KEY_SQL = `n.siswa_id || ':' || n.tahun_ajaran || ':' || n.semester`;

export function labelSql(labelSource: LabelSource): string {
  return labelSource === 'rule' ? RULE_LABEL_SQL : 'pr.kategori';
}

/**
 * 16 hex digits of md5 over the row's feature values (the model's features) and its label: a row
 * whose label or any value the model reads changes gets another digest.
 */
export function rowDigestSql(features: readonly string[], labelSource: LabelSource): string {
  const values = features.filter(isFeatureName).map((f) => FEATURE_CATALOGUE[f].sql);
  return `left(md5(json_build_array(${[...values, labelSql(labelSource)].join(', ')})::text), 16)`;
}
