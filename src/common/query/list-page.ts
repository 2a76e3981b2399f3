import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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
 * One page of a filtered query: total count, then the rows in the requested order with the id as the
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
  const total = await qb.getCount();
  const terms = toOrderTerms(query.sort, spec.sortable);
  for (const term of terms) qb.addOrderBy(term.expression, term.direction);
  // ORDER BY terms are keyed by expression: a tie-breaker on the id would replace `sort=-id`.
  if (!terms.some((t) => t.expression === spec.idExpression)) qb.addOrderBy(spec.idExpression, 'ASC');
  // The DTO always resolves limit (absent → LIST_MAX_LIMIT): a list is never unbounded.
  qb.offset(query.skip).limit(query.limit);
  const { entities, raw } = await qb.getRawAndEntities();
  return { entities, raw, total };
}

/**
 * The rows of a filtered query in id order, in batches read by keyset (`id > last`), so an export
 * of any size holds one batch in memory at a time.
 */
export async function* keysetBatches<E extends ObjectLiteral & { id: number }>(
  build: () => SelectQueryBuilder<E>,
  idExpression: string,
  batchSize = 1000,
): AsyncGenerator<{ entities: E[]; raw: Array<Record<string, unknown>> }> {
  let after = 0;
  for (;;) {
    const batch = await build()
      .andWhere(`${idExpression} > :keysetAfter`, { keysetAfter: after })
      .orderBy(idExpression, 'ASC')
      .limit(batchSize)
      .getRawAndEntities();
    if (batch.entities.length === 0) return;
    yield batch;
    after = batch.entities[batch.entities.length - 1]!.id;
    if (batch.entities.length < batchSize) return;
  }
}
