import { whereClause } from './sql-list-page';

describe('whereClause', () => {
  it('numbers the parameters of the conditions that have a value, in order', () => {
    expect(whereClause([['a = ?', 1], ['b = ?', undefined], ['c ILIKE ?', '%x%']])).toEqual({ sql: 'WHERE a = $1 AND c ILIKE $2', params: [1, '%x%'] });
  });

  it('is empty without a value (null and 0 are values)', () => {
    expect(whereClause([['a = ?', undefined]])).toEqual({ sql: '', params: [] });
    expect(whereClause([['a = ?', 0], ['b = ?', null]])).toEqual({ sql: 'WHERE a = $1 AND b = $2', params: [0, null] });
  });
});
