import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixturePath, readFixture, treeBlock } from '../testing/reference-fixtures';
import { runCli } from './c45-cli';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tmp = mkdtempSync(path.join(tmpdir(), 'c45-cli-'));
function tmpFile(name: string, content: string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, content);
  return f;
}

describe('c45 CLI', () => {
  it('prints the J48 tree, leaves, size, training and CV accuracy for an ARFF file', () => {
    const r = run('--data', fixturePath('datasets', 'weather.numeric.arff'));
    expect(r.code).toBe(0);
    expect(r.out.startsWith(treeBlock(readFixture('outputs', 'weather.numeric__default.txt')))).toBe(true);
    expect(r.out).toContain('Training accuracy: 100.0000 % (14/14)');
    expect(r.out).toContain('10-fold CV accuracy (seed 1): 64.2857 % (9/14)');
  });

  it('reads CSV with Weka CSVLoader value order (first appearance), matching J48 on the CSV', () => {
    const r = run('--data', fixturePath('datasets', 'students_1k.csv'), '--folds', '0');
    expect(r.code).toBe(0);
    expect(r.out.startsWith(treeBlock(readFixture('outputs', 'students_1k__csv_default.txt')))).toBe(true);
    expect(r.out).not.toContain('CV accuracy');
  });

  it('passes J48 options through (-U -M 5 -C 0.1 -S -B)', () => {
    for (const [flags, ref] of [
      [['-U'], 'iris__U.txt'],
      [['-M', '5'], 'glass__M5.txt'],
      [['-C', '0.1'], 'diabetes__C0.1.txt'],
      [['-S'], 'vote__S.txt'],
      [['-B'], 'labor__B.txt'],
    ] as const) {
      const data = fixturePath('datasets', `${ref.split('__')[0]}.arff`);
      const r = run('--data', data, ...flags, '--folds', '0');
      expect(r.code).toBe(0);
      expect(r.out.startsWith(treeBlock(readFixture('outputs', ref)))).toBe(true);
    }
  });

  it('emits everything as JSON with --json', () => {
    const r = run('--data', fixturePath('datasets', 'iris.arff'), '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { numLeaves: number; size: number; training: { correct: number }; crossValidation: { correct: number; confusion: number[][] }; model: { format_version: number }; text: string };
    expect(j.numLeaves).toBe(5);
    expect(j.size).toBe(9);
    expect(j.training.correct).toBe(147);
    expect(j.crossValidation.correct).toBe(144);
    expect(j.crossValidation.confusion).toEqual([
      [49, 1, 0],
      [0, 47, 3],
      [0, 2, 48],
    ]);
    expect(j.model.format_version).toBe(1);
    expect(j.text).toBe(treeBlock(readFixture('outputs', 'iris__default.txt')));
  });

  it('honours --target', () => {
    const r = run('--data', fixturePath('datasets', 'weather.nominal.arff'), '--target', 'windy', '--folds', '0');
    expect(r.code).toBe(0);
    expect(r.out).toContain('J48 pruned tree');
  });

  describe('bad input: stderr names the problem, exit code 2', () => {
    const cases: [string, string[], RegExp][] = [
      ['missing file', ['--data', path.join(tmp, 'nope.csv')], /cannot read data file .*nope\.csv/],
      ['unknown target', ['--data', fixturePath('datasets', 'iris.arff'), '--target', 'kelas'], /unknown target attribute 'kelas'/],
      ['numeric class', ['--data', fixturePath('datasets', 'iris.arff'), '--target', 'petalwidth'], /'petalwidth' is numeric/],
      ['empty dataset', ['--data', tmpFile('empty.csv', 'a,b,kelas\n')], /no instances/],
      ['single class', ['--data', tmpFile('one.csv', 'a,kelas\n1,Tinggi\n2,Tinggi\n3,Tinggi\n')], /single value \('Tinggi'\)/],
      [
        'malformed ARFF line',
        ['--data', tmpFile('bad.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,x\n2\n3,y\n')],
        /line 6: expected 2 values, found 1/,
      ],
      ['undeclared ARFF value', ['--data', tmpFile('bad2.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\n1,z\n')], /line 5: 'z' is not a declared value of 'c'/],
      ['non-numeric ARFF value', ['--data', tmpFile('bad3.arff', '@relation r\n@attribute a numeric\n@attribute c {x,y}\n@data\nabc,x\n')], /line 5: 'abc' is not a number/],
      ['ragged CSV row', ['--data', tmpFile('bad.csv', 'a,kelas\n1,x\n2,y,z\n')], /line 3: expected 2 values, found 3/],
      ['unknown option', ['--data', fixturePath('datasets', 'iris.arff'), '--frobnicate'], /unknown option '--frobnicate'/],
      ['bad -C', ['--data', fixturePath('datasets', 'iris.arff'), '-C', '0.9'], /confidenceFactor must be in \(0, 0\.5\]/],
      ['bad -M', ['--data', fixturePath('datasets', 'iris.arff'), '-M', 'two'], /-M needs a number/],
      ['bad --folds', ['--data', fixturePath('datasets', 'iris.arff'), '--folds', '1'], /--folds must be 0 or an integer >= 2/],
      ['no --data', [], /--data FILE is required/],
      ['wrong extension', ['--data', tmpFile('x.txt', 'a')], /expected a \.arff or \.csv file/],
    ];
    it.each(cases)('%s', (_name, argv, message) => {
      const r = run(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^c45: error: /);
      expect(r.err).toMatch(message);
    });
  });
});
