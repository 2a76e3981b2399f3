import { type DataSource, type EntityMetadata, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface PgPool {
  query<T>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
}

/**
 * A hot read as a named (server-side prepared) statement on TypeORM's own pg pool: PostgreSQL parses
 * and plans it once per connection, and the request skips TypeORM's query runner and builder (a
 * quarter of an authenticated GET's CPU under load, bench/hotpath.bench.ts). Only for statements
 * outside a transaction; errors come back as TypeORM's QueryFailedError, so the problem+json mapping
 * (409/404/503 …) is exactly the one of every other query.
 */
export async function preparedQuery<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  try {
    return (await pool.query<T>({ name, text, values })).rows;
  } catch (error) {
    // Pool-level failures (cannot connect) carry no SQLSTATE: passed on as TypeORM passes them.
    if ((error as { code?: string }).code === undefined) throw error;
    throw new QueryFailedError(text, values, error as Error);
  }
}

/**
 * The select list and hydration TypeORM would use for an entity's columns, for a prepared statement
 * of its own: `select` names every column as "<alias>_<column>", `hydrate` builds the entity from such
 * a row with the driver's own conversions (dates, bigint transformers, …).
 */
export function entityColumns(dataSource: DataSource, metadata: EntityMetadata, alias: string) {
  const driver = dataSource.driver as PostgresDriver;
  const columns = metadata.columns.filter((c) => c.isSelect);
  const key = (databaseName: string): string => `${alias}_${databaseName}`;
  return {
    select: columns.map((c) => `${alias}."${c.databaseName}" AS "${key(c.databaseName)}"`).join(', '),
    hydrate<E>(row: Record<string, unknown>): E {
      const entity = metadata.create() as E;
      for (const c of columns) c.setEntityValue(entity as object, driver.prepareHydratedValue(row[key(c.databaseName)], c));
      return entity;
    },
  };
}
