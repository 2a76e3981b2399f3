import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** At or below this many rows X-Total-Count is always exact. */
export const EXACT_COUNT_LIMIT = 100_000;

/**
 * An unfiltered list is estimated only when the planner puts it well above the limit: its estimate of
 * a whole table (reltuples scaled to the table's current size, the joins along NOT NULL foreign keys)
 * is within a few percent, so a factor of two keeps every list that could be under the limit exact.
 */
const UNFILTERED_ESTIMATE_MARGIN = 2;

/**
 * X-Total-Count of a list query (before paging), the one place deciding exact or estimated:
 * - unfiltered (no WHERE) and planned at over 2 × EXACT_COUNT_LIMIT rows: the planner's estimate
 *   (pg_class.reltuples), a constant-time answer where count(*) reads 1.8 M rows;
 * - otherwise the rows are counted, but at most EXACT_COUNT_LIMIT + 1 of them: whenever a filter
 *   narrows the set to EXACT_COUNT_LIMIT or fewer the count is exact; above it, the planner's
 *   estimate (never less than the EXACT_COUNT_LIMIT + 1 rows counted).
 */
export async function countRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<number> {
  if (qb.expressionMap.wheres.length === 0) {
    const estimate = await plannedRows(qb);
    if (estimate > UNFILTERED_ESTIMATE_MARGIN * EXACT_COUNT_LIMIT) return estimate;
  }
  const [sql, parameters] = qb.clone().select('1').orderBy().offset(undefined).limit(EXACT_COUNT_LIMIT + 1).getQueryAndParameters();
  const [{ n }] = (await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql}) AS bounded`, parameters)) as Array<{ n: number }>;
  if (n <= EXACT_COUNT_LIMIT) return n;
  return Math.max(n, await plannedRows(qb));
}

/** The planner's row estimate for the query (EXPLAIN: planning only, nothing is read). */
async function plannedRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<number> {
  const [sql, parameters] = qb.clone().select('1').orderBy().offset(undefined).limit(undefined).getQueryAndParameters();
  const [row] = (await qb.connection.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
  return Math.round(row!['QUERY PLAN'][0]!.Plan['Plan Rows']);
}
