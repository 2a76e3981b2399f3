import type { CategoryBands } from '../common/derived/derived';
import type { DataSource } from 'typeorm';

/** A stored category column derived from a stored number with configurable lower bounds. */
/** A stored category column (`target`, derived from `source`) and the bands it is derived with (src/common/derived/derived.ts). */
export interface CategoryColumn extends CategoryBands<string> {
  /** app_setting key under which the thresholds last applied are kept. */
  settingKey: string;
  table: string;
  source: string;
  target: string;
}

/**
 * Thresholds are deployment configuration (minimum wages differ by region), and the categories are
 * stored. So at start-up each process compares the configured thresholds with those the stored rows
 * were derived with (kept in app_setting). When they differ, one UPDATE re-derives every row whose
 * category changes (the same bands as the pure functions, applied to the stored percentage or total)
 * and the new thresholds are recorded, in one transaction. An advisory lock makes concurrently
 * starting replicas do it once. Returns the number of rows changed, or undefined when nothing to do.
 */
export async function recomputeCategoriesIfChanged(dataSource: DataSource, column: CategoryColumn): Promise<number | undefined> {
  const thresholds = Object.fromEntries(column.bands);
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`edupro:${column.settingKey}`]);
    const stored = (await manager.query('SELECT value FROM app_setting WHERE key = $1', [column.settingKey])) as Array<{ value: unknown }>;
    if (stored[0] && JSON.stringify(stored[0].value) === JSON.stringify(thresholds)) return undefined;
    const params: Array<string | number> = [];
    const whens = column.bands.map(([category, min]) => {
      params.push(min, category);
      return `WHEN "${column.source}" >= $${params.length - 1} THEN $${params.length}`;
    });
    params.push(column.fallback);
    const derived = `(CASE ${whens.join(' ')} ELSE $${params.length} END)`;
    const result = (await manager.query(
      `UPDATE "${column.table}" SET "${column.target}" = ${derived}, "updated_at" = now() WHERE "${column.target}" IS DISTINCT FROM ${derived}`,
      params,
    )) as [unknown, number];
    await manager.query(
      `INSERT INTO app_setting (key, value, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [column.settingKey, JSON.stringify(thresholds)],
    );
    return result[1];
  });
}

/**
 * The start-up call: re-derives when needed and logs what it did. A failure (typically pending
 * migrations with MIGRATIONS_RUN=false) is logged, not thrown: readiness reports the real problem,
 * and the next start with the same configuration does the work.
 */
export async function applyThresholdsAtStartup(
  dataSource: DataSource,
  column: CategoryColumn,
  logger: { log(m: string): void; warn(m: string): void },
): Promise<void> {
  try {
    const changed = await recomputeCategoriesIfChanged(dataSource, column);
    if (changed !== undefined) logger.log(`${column.settingKey} applied; ${changed} stored ${column.target} values re-derived`);
  } catch (error) {
    logger.warn(`${column.target} not re-derived: ${error instanceof Error ? error.message : String(error)}`);
  }
}
