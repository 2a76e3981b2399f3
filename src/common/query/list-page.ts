import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { countRows, inlineCountSelect, totalFromInlineCount } from './count-rows';
import type { ListQueryDto } from './list-query.dto';
import { type SortMap, toOrderTerms } from './sort';

/** `%` and `_` in a search are literal characters, not wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ListSpec {
  sortable: SortMap;
  /** Expressions matched by `search` (case-insensitive substring, OR-ed). */
  searchable: readonly string[];
  /** The root alias's id, the tie-breaker that makes every order deterministic. */
  idExpression: string;
  /**
   * The owner every row is inner-joined to along a NOT NULL foreign key (the student of a nilai row),
   * when `searchable` are its columns: its entity, the join's alias, the root's column referring to
   * it. A list then resolves a search's matching owners once (applyOwnerSearch) and counts without
   * the join when no condition needs it (countRows).
   */
  owner?: { entity: EntityTarget<ObjectLiteral>; alias: string; foreignKey: string };
}

/**
 * At most this many matching owners are passed to a list's queries as ids. A search matching more
 * (a single letter matches nearly every student) keeps the join filter, for which the planner walks
 * the page's order and stops at the limit.
 */
export const SEARCH_OWNER_IDS_LIMIT = 10_000;

/** The `search` condition over the searchable expressions and its bound parameter (escaped wildcards). */
function searchCondition(searchable: readonly string[], search: string): [string, { search: string }] {
  const clause = searchable.map((expr) => `${expr} ILIKE :search ESCAPE '\\'`).join(' OR ');
  return [`(${clause})`, { search: `%${escapeLike(search.trim())}%` }];
}

/** Adds the `search` condition to a query builder. */
export function applySearch<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, search: string | undefined, spec: ListSpec): void {
  if (search) qb.andWhere(...searchCondition(spec.searchable, search));
}

/**
 * A list's `search` over its owner's columns (ListSpec.owner): the owners matching it are read
 * first, on the owner's table alone (its trigram indexes, ix_siswa_*_trgm), and the list's page and
 * count take `foreignKey = ANY(ids)`. The join filter made both queries redo the trigram scan and,
 * when the planner's estimate of the matches was high, walk the root's id order testing every row's
 * owner. With the ids as a parameter the planner knows how many there are. The rows are the same:
 * the root's rows whose joined owner matches.
 */
async function applyOwnerSearch<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, search: string, spec: ListSpec): Promise<boolean> {
  const owner = spec.owner!;
  const [matchingSql, matchingParameters] = qb.connection
    .createQueryBuilder(owner.entity, owner.alias)
    .select(`${owner.alias}.id`, 'id')
    .where(...searchCondition(spec.searchable, search))
    .limit(SEARCH_OWNER_IDS_LIMIT + 1)
    .getQueryAndParameters();
  // The ids travel as one array literal, out and back: hundreds of matches cost one value to parse
  // and one to send, where row objects and a JS array were parsed and re-encoded id by id.
  const [{ ids, n }] = (await qb.connection.query(
    `SELECT coalesce(array_agg(m.id), '{}')::text AS ids, count(*)::int AS n FROM (${matchingSql}) AS m`,
    matchingParameters,
  )) as Array<{ ids: string; n: number }>;
  if (n > SEARCH_OWNER_IDS_LIMIT) {
    applySearch(qb, search, spec);
    return false;
  }
  qb.andWhere(`${owner.foreignKey} = ANY(:searchOwnerIds::int[])`, { searchOwnerIds: ids });
  return true;
}

/** The page's column carrying its inline count (inlineCountSelect). */
const INLINE_TOTAL = '__list_total';

/**
 * One page of a filtered query: the rows in the requested order with the id as the final
 * tie-breaker (default: id ascending), so paging never skips or repeats a row, then the total
 * (totalOf: exact up to 100,000 rows).
 */
export async function listPage<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: ListQueryDto & { sort?: string },
  spec: ListSpec,
): Promise<{
  entities: E[];
  raw: Array<Record<string, unknown>>;
  total: number;
}> {
  const byOwnerIds = query.search && spec.owner ? await applyOwnerSearch(qb, query.search, spec) : (applySearch(qb, query.search, spec), false);
  // A search by owner ids usually fills the page (each student has several rows), so its total is
  // counted in the page's own statement: one round trip to PostgreSQL fewer per request.
  if (byOwnerIds) qb.addSelect(inlineCountSelect(qb, spec.owner?.alias), INLINE_TOTAL);
  const terms = toOrderTerms(query.sort, spec.sortable);
  for (const term of terms) qb.addOrderBy(term.expression, term.direction);
  // ORDER BY terms are keyed by expression: a tie-breaker on the id would replace `sort=-id`.
  if (!terms.some((t) => t.expression === spec.idExpression)) qb.addOrderBy(spec.idExpression, 'ASC');
  // The DTO always resolves limit (absent → LIST_MAX_LIMIT): a list is never unbounded.
  qb.offset(query.skip).limit(query.limit);
  const raw = (await qb.getRawMany()) as Array<Record<string, unknown>>;
  const inlineTotal = byOwnerIds && raw.length > 0 ? Number(raw[0]![INLINE_TOTAL]) : undefined;
  return { entities: hydrate(qb, raw), raw, total: await totalOf(qb, query, spec, raw.length, inlineTotal) };
}

/**
 * X-Total-Count of a page: a page shorter than the limit that holds rows (or is the first one) ends
 * the set, so the total is exactly skip + its rows and needs no count query (a class list, a
 * student's nilai); else the count selected with the page when there is one, else countRows.
 */
async function totalOf<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: { skip?: number; limit?: number },
  spec: ListSpec,
  rows: number,
  inlineTotal: number | undefined,
): Promise<number> {
  const skip = query.skip ?? 0;
  if (query.limit !== undefined && rows < query.limit && (rows > 0 || skip === 0)) return skip + rows;
  if (inlineTotal !== undefined) return totalFromInlineCount(qb, inlineTotal);
  return countRows(qb, spec.owner?.alias);
}

/**
 * The root alias's entities from raw rows: the column values TypeORM's own transformer would set,
 * without its per-row grouping and relation passes (the lists select one row per entity and load no
 * relations), which made a 10,000-row list spend most of its time after the query had returned.
 */
function hydrate<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, raw: Array<Record<string, unknown>>): E[] {
  const main = qb.expressionMap.mainAlias!;
  const driver = qb.connection.driver;
  const columns = main.metadata.columns.map((column) => ({
    column,
    key: DriverUtils.buildAlias(driver, undefined, main.name, column.databaseName),
  }));
  return raw.map((row) => {
    const entity = main.metadata.create() as E;
    for (const { column, key } of columns) {
      if (key in row) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    }
    return entity;
  });
}

/**
 * The rows of a filtered query in id order, read by keyset (`id > last`) `batchSize` at a time, so an
 * export of any size holds one batch in memory at a time. Each batch is handed on (hydrated) in
 * slices of `sliceSize` rows: the consumer formats one slice and lets the event loop run before the
 * next, so one export never holds the API thread for more than a few milliseconds (a 5,000-row batch
 * hydrated and formatted in one go held it for ~100 ms, and every other request waited). 100 rows
 * (≈ 2 ms of work) rather than 250: during a district csv export the concurrent reads answered ~25 %
 * more requests at a lower p99 (BENCHMARKS.md), with the export's own rate unchanged.
 */
export async function* keysetBatches<E extends ObjectLiteral & { id: number }>(
  build: () => SelectQueryBuilder<E>,
  idExpression: string,
  batchSize = 5000,
  sliceSize = 100,
): AsyncGenerator<{ entities: E[]; raw: Array<Record<string, unknown>> }> {
  let after = 0;
  for (;;) {
    const qb = build()
      .andWhere(`${idExpression} > :keysetAfter`, { keysetAfter: after })
      .orderBy(idExpression, 'ASC')
      .limit(batchSize);
    // Hydrated like the lists (one row per entity): TypeORM's getRawAndEntities took most of an export's time.
    const raw = (await qb.getRawMany()) as Array<Record<string, unknown>>;
    let last: E | undefined;
    for (let at = 0; at < raw.length; at += sliceSize) {
      const slice = raw.slice(at, at + sliceSize);
      const entities = hydrate(qb, slice);
      last = entities[entities.length - 1];
      yield { entities, raw: slice };
    }
    if (last === undefined || raw.length < batchSize) return;
    after = last.id;
  }
}
