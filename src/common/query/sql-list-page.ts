import type { DataSource, EntityManager } from 'typeorm';
import { getListMaxLimit } from './page-query.dto';
import type { Page } from './total-count';

/** A list written in SQL: what to select, how to count it and in which order. */
export interface SqlList {
  select: string;
  /** `FROM …` of the count: the table and the joins the conditions refer to. */
  countFrom: string;
  orderBy: string;
}

/** Conditions with one `?` each, and its value; an undefined value adds no condition. */
export type SqlConditions = ReadonlyArray<readonly [string, unknown]>;

/** `WHERE a = $1 AND …` of the conditions that have a value, and the parameters in order. */
export function whereClause(conditions: SqlConditions): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  for (const [condition, value] of conditions) {
    if (value === undefined) continue;
    params.push(value);
    parts.push(condition.replace('?', `$${params.length}`));
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of the list and the total it is part of (`skip`/`limit` as PageQueryDto validated them). */
export async function sqlListPage<R>(
  db: DataSource | EntityManager,
  list: SqlList,
  conditions: SqlConditions,
  page: { skip?: number; limit?: number },
): Promise<Page<R>> {
  const where = whereClause(conditions);
  const [{ total }] = (await db.query(`SELECT count(*)::int AS total ${list.countFrom} ${where.sql}`, where.params)) as Array<{ total: number }>;
  const rows = (await db.query(
    `${list.select} ${where.sql} ORDER BY ${list.orderBy} OFFSET ${Number(page.skip ?? 0)} LIMIT ${Number(page.limit ?? getListMaxLimit())}`,
    where.params,
  )) as R[];
  return { rows, total };
}
