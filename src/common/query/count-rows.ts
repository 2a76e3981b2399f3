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
 * `ownerJoin`: the alias of an inner join along a NOT NULL foreign key (each row has exactly one
 * owner, so the join changes no count), left out of the count when no condition refers to it.
 */
export async function countRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, ownerJoin?: string): Promise<number> {
  if (qb.expressionMap.wheres.length === 0) {
    const estimate = await plannedRows(qb);
    if (estimate > UNFILTERED_ESTIMATE_MARGIN * EXACT_COUNT_LIMIT) return estimate;
  }
  const [sql, parameters] = boundedRows(qb, ownerJoin).getQueryAndParameters();
  const [{ n }] = (await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql}) AS bounded`, parameters)) as Array<{ n: number }>;
  return totalFromInlineCount(qb, n);
}

/** The rows countRows counts: at most EXACT_COUNT_LIMIT + 1 of them, without order or paging. */
function boundedRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, ownerJoin: string | undefined): SelectQueryBuilder<E> {
  return withoutUnusedJoin(qb.clone(), ownerJoin).select('1').orderBy().offset(undefined).limit(EXACT_COUNT_LIMIT + 1);
}

/**
 * The counted branch of countRows as a scalar subquery over `qb`'s own named parameters, to select
 * beside the page: one statement instead of a page and then a count. Only for a filtered query (an
 * unfiltered one is estimated, not counted); its value goes through totalFromInlineCount.
 */
export function inlineCountSelect<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, ownerJoin?: string): string {
  return `(SELECT count(*)::int FROM (${boundedRows(qb, ownerJoin).getQuery()}) AS bounded)`;
}

/** X-Total-Count from a bounded count (countRows', or inlineCountSelect's value): exact up to the limit, else the estimate. */
export async function totalFromInlineCount<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, counted: number): Promise<number> {
  if (counted <= EXACT_COUNT_LIMIT) return counted;
  return Math.max(counted, await plannedRows(qb));
}

/** The planner's row estimate for the query (EXPLAIN: planning only, nothing is read). */
async function plannedRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<number> {
  const [sql, parameters] = qb.clone().select('1').orderBy().offset(undefined).limit(undefined).getQueryAndParameters();
  const [row] = (await qb.connection.query(`EXPLAIN (FORMAT JSON) ${sql}`, parameters)) as Array<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>;
  return Math.round(row!['QUERY PLAN'][0]!.Plan['Plan Rows']);
}

/**
 * The count query without the owner's join when no condition names its alias: the join only adds
 * the owner's columns to the page, and in a count it was one owner lookup per counted row.
 */
function withoutUnusedJoin<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, alias: string | undefined): SelectQueryBuilder<E> {
  if (alias === undefined) return qb;
  const referenced = new RegExp(`\\b${alias}\\.`);
  if (referenced.test(JSON.stringify(qb.expressionMap.wheres))) return qb;
  qb.expressionMap.joinAttributes = qb.expressionMap.joinAttributes.filter((join) => join.alias.name !== alias);
  return qb;
}
