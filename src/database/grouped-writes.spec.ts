import { GroupedWrites } from './grouped-writes';

interface Row {
  key: string;
  value: number;
}

describe('GroupedWrites', () => {
  it('writes the rows of concurrent callers in one statement, each caller answered once it is written', async () => {
    const statements: Row[][] = [];
    const writes = new GroupedWrites<Row>(async (rows) => void statements.push([...rows]), (r) => r.key);
    await Promise.all([1, 2, 3].map((value) => writes.write({ key: `k${value}`, value })));
    expect(statements).toEqual([[{ key: 'k1', value: 1 }, { key: 'k2', value: 2 }, { key: 'k3', value: 3 }]]);
  });

  it('batches the rows that arrive while a write is on its way, and keeps the last row of a key', async () => {
    const statements: Row[][] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const writes = new GroupedWrites<Row>(async (rows) => {
      statements.push([...rows]);
      if (statements.length === 1) await first;
    }, (r) => r.key);
    const a = writes.write({ key: 'a', value: 1 });
    await new Promise((r) => setImmediate(r));
    const later = [writes.write({ key: 'b', value: 1 }), writes.write({ key: 'b', value: 2 }), writes.write({ key: 'c', value: 1 })];
    release();
    await Promise.all([a, ...later]);
    expect(statements).toEqual([[{ key: 'a', value: 1 }], [{ key: 'b', value: 2 }, { key: 'c', value: 1 }]]);
  });

  it('fails only the caller whose row fails when a batch fails', async () => {
    const writes = new GroupedWrites<Row>(async (rows) => {
      if (rows.some((r) => r.value < 0)) throw new Error(`bad row in ${rows.length}`);
    }, (r) => r.key);
    const outcomes = await Promise.allSettled([writes.write({ key: 'a', value: 1 }), writes.write({ key: 'b', value: -1 }), writes.write({ key: 'c', value: 3 })]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('bad row in 1'));
  });

  it('splits a backlog into statements of at most maxRows', async () => {
    const sizes: number[] = [];
    const writes = new GroupedWrites<Row>(async (rows) => void sizes.push(rows.length), (r) => r.key, 2);
    await Promise.all([1, 2, 3, 4, 5].map((value) => writes.write({ key: `k${value}`, value })));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
