import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import { countRows } from './count-rows';
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
}

/** Adds the `search` condition (bound parameter, escaped wildcards) to a query builder. */
export function applySearch<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, search: string | undefined, spec: ListSpec): void {
  if (!search) return;
  const clause = spec.searchable.map((expr) => `${expr} ILIKE :search ESCAPE '\\'`).join(' OR ');
  qb.andWhere(`(${clause})`, { search: `%${escapeLike(search.trim())}%` });
}

/**
 * One page of a filtered query: total count (exact up to 100,000 rows, see countRows), then the rows in the requested order with the id as the
 * final tie-breaker (default: id ascending), so paging never skips or repeats a row.
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
  applySearch(qb, query.search, spec);
  const total = await countRows(qb);
  const terms = toOrderTerms(query.sort, spec.sortable);
  for (const term of terms) qb.addOrderBy(term.expression, term.direction);
  // ORDER BY terms are keyed by expression: a tie-breaker on the id would replace `sort=-id`.
  if (!terms.some((t) => t.expression === spec.idExpression)) qb.addOrderBy(spec.idExpression, 'ASC');
  // The DTO always resolves limit (absent → LIST_MAX_LIMIT): a list is never unbounded.
  qb.offset(query.skip).limit(query.limit);
  const raw = (await qb.getRawMany()) as Array<Record<string, unknown>>;
  return { entities: hydrate(qb, raw), raw, total };
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
 * hydrated and formatted in one go held it for ~100 ms, and every other request waited).
 */
export async function* keysetBatches<E extends ObjectLiteral & { id: number }>(
  build: () => SelectQueryBuilder<E>,
  idExpression: string,
  batchSize = 5000,
  sliceSize = 250,
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
