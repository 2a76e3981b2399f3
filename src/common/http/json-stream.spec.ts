import { jsonChunks } from './json-stream';

describe('jsonChunks', () => {
  const cases: Array<[string, object]> = [
    ['an empty object', {}],
    ['scalars, nulls and a left-out undefined', { a: 1, b: null, c: undefined, d: 'x"y', e: true }],
    ['a small array and nested objects', { results: [{ id: 1, p: { Tinggi: 0.5 } }], n: [] }],
    [
      'arrays longer than one chunk',
      {
        status: 'ok',
        results: Array.from({ length: 2501 }, (_, i) => ({ i, s: `s${i}` })),
        errors: Array.from({ length: 1000 }, (_, i) => i),
        tail: 1,
      },
    ],
    ['an array as the last key', { results: Array.from({ length: 1001 }, (_, i) => [i, null]) }],
  ];
  it.each(cases)('writes %s byte for byte as JSON.stringify', (_, body) => {
    expect([...jsonChunks(body)].join('')).toBe(JSON.stringify(body));
  });

  it('serialises a long array in pieces, not as one string', () => {
    const chunks = [...jsonChunks({ results: Array.from({ length: 3000 }, (_, i) => i) })];
    expect(chunks.length).toBeGreaterThan(3);
  });
});
