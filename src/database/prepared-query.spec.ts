import { type DataSource, QueryFailedError } from 'typeorm';
import { preparedQuery } from './prepared-query';

/** A DataSource whose pg pool answers `query` with the given outcome (the driver's `master`). */
function dataSourceAnswering(outcome: () => Promise<unknown>): { dataSource: DataSource; calls: unknown[] } {
  const calls: unknown[] = [];
  const pool = { query: (config: unknown) => (calls.push(config), outcome()) };
  return { dataSource: { driver: { master: pool } } as unknown as DataSource, calls };
}

describe('preparedQuery', () => {
  it('runs a named statement on the pool and returns its rows', async () => {
    const { dataSource, calls } = dataSourceAnswering(async () => ({ rows: [{ id: 1 }] }));
    await expect(preparedQuery(dataSource, 'one_by_id', 'SELECT $1::int AS id', [1])).resolves.toEqual([{ id: 1 }]);
    expect(calls).toEqual([{ name: 'one_by_id', text: 'SELECT $1::int AS id', values: [1] }]);
  });

  it('hands database errors on as QueryFailedError, so problem+json maps them like any query (57014 → 503)', async () => {
    const pgError = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const { dataSource } = dataSourceAnswering(() => Promise.reject(pgError));
    const error = (await preparedQuery(dataSource, 'slow', 'SELECT pg_sleep(60)', []).catch((e: unknown) => e)) as QueryFailedError;
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error.driverError).toBe(pgError);
  });

  it('passes pool failures (no SQLSTATE) on unchanged', async () => {
    const poolError = new Error('timeout exceeded when trying to connect');
    const { dataSource } = dataSourceAnswering(() => Promise.reject(poolError));
    await expect(preparedQuery(dataSource, 'x', 'SELECT 1', [])).rejects.toBe(poolError);
  });
});
