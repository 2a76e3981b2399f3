import type { EntityManager } from 'typeorm';
import type { CategoryThresholds } from '../../config/app-config';
import { penghasilanCategoryColumn } from '../../penghasilan/penghasilan.record';
import { presensiCategoryColumn } from '../../presensi/presensi.record';

/** app_setting key → the bands stored under it, e.g. `{ "thresholds.kehadiran": { "Tinggi": 80, "Sedang": 75 } }`. */
export type ThresholdSnapshot = Record<string, Record<string, number>>;

/**
 * The category thresholds the stored rows were derived with: app_setting `thresholds.*` (written by the
 * start-up re-derivation), over the configured ones for a key not written yet — on a first start the demo
 * model is trained before the re-derivation records the configured thresholds, which are the ones every
 * row was derived with. Recorded with each model and compared for its staleness.
 */
export async function thresholdSnapshot(m: EntityManager, configured: CategoryThresholds): Promise<ThresholdSnapshot> {
  const columns = [presensiCategoryColumn(configured), penghasilanCategoryColumn(configured)];
  const fromConfig = Object.fromEntries(columns.map((c) => [c.settingKey, Object.fromEntries(c.bands)]));
  const rows = (await m.query(`SELECT key, value FROM app_setting WHERE key LIKE 'thresholds.%' ORDER BY key`)) as Array<{
    key: string;
    value: Record<string, number>;
  }>;
  return { ...fromConfig, ...Object.fromEntries(rows.map((r) => [r.key, r.value])) };
}

/** Equal snapshots: same keys, same values (jsonb objects come back with their keys in a fixed order). */
export function sameThresholds(a: ThresholdSnapshot, b: ThresholdSnapshot): boolean {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.every((k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null));
}
