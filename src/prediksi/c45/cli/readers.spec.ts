import { datasetFromTable } from '../dataset';
import { C45InputError } from '../errors';
import { buildTree } from '../tree';
import { resolveOptions } from '../model';
import { toJ48Text } from '../format';
import { fixturePath, loadArffDataset, readFixture, treeBlock } from '../testing/reference-fixtures';
import { parseArff, readArffFile, splitArffValues } from './arff-reader';
import { parseCsv, readCsvFile } from './csv-reader';

describe('ARFF reader', () => {
  it('handles quoted names and values, tabs, comments and case-insensitive keywords', () => {
    const t = parseArff(
      "% comment\n@RELATION 'my rel'\n@attribute 'a b'\tNUMERIC\n@ATTRIBUTE c { 'x y', z}\n\n@data\n% c\n1.5, 'x y'\n?,z\n",
    );
    expect(t.relation).toBe('my rel');
    expect(t.attributes).toEqual([
      { kind: 'numeric', name: 'a b' },
      { kind: 'nominal', name: 'c', values: ['x y', 'z'] },
    ]);
    expect(Array.from(t.columns[0])).toEqual([1.5, NaN]);
    expect(Array.from(t.columns[1])).toEqual([0, 1]);
  });

  it('splits values outside quotes only', () => {
    expect(splitArffValues("'a,b', c ,\"d\"", 1)).toEqual(['a,b', 'c', 'd']);
  });

  it('reports the line number of a malformed line', () => {
    const bad = '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\n1,x,3\n';
    expect(() => parseArff(bad)).toThrow(/line 6: expected 2 values, found 3/);
    try {
      parseArff(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(C45InputError);
      expect((e as C45InputError).line).toBe(6);
      expect((e as C45InputError).code).toBe('MALFORMED_ARFF');
    }
  });

  it('rejects unsupported types, sparse rows and a missing @data section', () => {
    expect(() => parseArff('@relation r\n@attribute s string\n@data\n')).toThrow(/unsupported type 'string'/);
    expect(() => parseArff('@relation r\n@attribute a numeric\n@data\n{0 1}\n')).toThrow(/sparse/);
    expect(() => parseArff('@relation r\n@attribute a numeric\n')).toThrow(/no @data/);
  });

  it('reports a missing file', () => {
    expect(() => readArffFile('/definitely/not/here.arff')).toThrow(/cannot read data file '\/definitely\/not\/here.arff'/);
  });
});

describe('CSV reader', () => {
  it('types columns, treats ? and empty as missing, orders nominal values by first appearance', () => {
    const t = parseCsv('n,s,k\n1,b,Sedang\n?,a,Rendah\n,"b",Tinggi\n2.5,?,Sedang\n');
    expect(t.attributes).toEqual([
      { kind: 'numeric', name: 'n' },
      { kind: 'nominal', name: 's', values: ['b', 'a'] },
      { kind: 'nominal', name: 'k', values: ['Sedang', 'Rendah', 'Tinggi'] },
    ]);
    expect(Array.from(t.columns[0])).toEqual([1, NaN, NaN, 2.5]);
    expect(Array.from(t.columns[1])).toEqual([0, 1, 0, NaN]);
  });

  it('accepts a declared value order', () => {
    const t = parseCsv('k\nSedang\nRendah\n', 'x', { nominalOrder: { k: ['Rendah', 'Sedang', 'Tinggi'] } });
    expect(t.attributes[0]).toEqual({ kind: 'nominal', name: 'k', values: ['Rendah', 'Sedang', 'Tinggi'] });
    expect(Array.from(t.columns[0])).toEqual([1, 0]);
  });

  it('reproduces J48 on students_1k.csv (CSVLoader order: class {Sedang,Rendah,Tinggi})', () => {
    const ds = datasetFromTable(readCsvFile(fixturePath('datasets', 'students_1k.csv')));
    expect(ds.classAttribute.values).toEqual(['Sedang', 'Rendah', 'Tinggi']);
    expect(toJ48Text(buildTree(ds, resolveOptions({})))).toBe(treeBlock(readFixture('outputs', 'students_1k__csv_default.txt')));
  });

  // With the ARFF header's value order, each CSV gives exactly the ARFF reference tree:
  // this checks that the CSV files hold the same values and that the reader parses them alike.
  it.each(['contact-lenses', 'diabetes', 'glass', 'iris', 'iris.2D', 'labor', 'segment-challenge', 'students_1k', 'vote', 'weather.nominal', 'weather.numeric'])(
    '%s.csv with the ARFF value order gives the ARFF reference tree',
    (name) => {
      const arff = loadArffDataset(name);
      const order: Record<string, readonly string[]> = { [arff.classAttribute.name]: arff.classAttribute.values };
      for (const a of arff.attributes) if (a.kind === 'nominal') order[a.name] = a.values;
      const ds = datasetFromTable(readCsvFile(fixturePath('datasets', `${name}.csv`), { nominalOrder: order }));
      expect(toJ48Text(buildTree(ds, resolveOptions({})))).toBe(treeBlock(readFixture('outputs', `${name}__default.txt`)));
    },
  );

  it('reports ragged rows with their line number, and header-only files as empty', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/line 3: expected 2 values, found 1/);
    expect(() => parseCsv('a,b\n')).toThrow(/no instances/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });
});
