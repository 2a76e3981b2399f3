import { GroupedReads } from './grouped-reads';

describe('GroupedReads', () => {
  it('reads the keys asked for in one turn with one statement, each caller getting its own row', async () => {
    const statements: number[][] = [];
    const reads = new GroupedReads<number, string>(async (keys) => {
      statements.push([...keys]);
      return new Map(keys.filter((k) => k !== 404).map((k) => [k, `row ${k}`]));
    });
    const answers = await Promise.all([1, 2, 2, 404, 3].map((k) => reads.read(k)));
    expect(answers).toEqual(['row 1', 'row 2', 'row 2', undefined, 'row 3']);
    expect(statements).toEqual([[1, 2, 404, 3]]);
    expect(await reads.read(7)).toBe('row 7');
    expect(statements).toEqual([[1, 2, 404, 3], [7]]);
  });

  it('splits a large turn into statements of at most maxKeys, and a failed statement fails only its callers', async () => {
    const reads = new GroupedReads<number, number>(async (keys) => {
      if (keys.includes(3)) throw new Error('connection lost');
      return new Map(keys.map((k) => [k, k * 10]));
    }, 2);
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((k) => reads.read(k)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([10, 20, 'connection lost', 'connection lost', 50]);
  });
});
