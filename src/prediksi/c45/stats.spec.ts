import { JavaRandom } from './java-random';
import { addErrs, normalInverse } from './stats';
import { readFixture } from './testing/reference-fixtures';
import { doubleToString, javaDoubleToString, roundDouble } from './weka-utils';

interface Table {
  normalInverse: Record<string, { oneMinusCfAsFloat: number; z: number }>;
  addErrs: { CF: string; N: number; e: number; addErrs: number }[];
}
const table = JSON.parse(readFixture('outputs', 'json', 'stats_adderrs_table.json')) as Table;

describe('Stats.addErrs and normalInverse', () => {
  it('normalInverse equals Weka for every reference CF', () => {
    for (const v of Object.values(table.normalInverse)) {
      if (v.oneMinusCfAsFloat >= 1 || v.oneMinusCfAsFloat <= 0) continue;
      expect(Math.abs(normalInverse(v.oneMinusCfAsFloat) - v.z)).toBeLessThanOrEqual(1e-15);
    }
  });

  it(`addErrs equals all ${table.addErrs.length} reference values`, () => {
    expect(table.addErrs.length).toBe(425);
    for (const r of table.addErrs) {
      const got = addErrs(r.N, r.e, Math.fround(Number(r.CF)));
      expect(Math.abs(got - r.addErrs)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r.addErrs)));
    }
  });
});

describe('java.util.Random', () => {
  it('reproduces Java sequences', () => {
    expect(new JavaRandom(0).next(32)).toBe(-1155484576);
    const r = new JavaRandom(1);
    expect([r.next(32), r.next(32), r.next(32)]).toEqual([-1155869325, 431529176, 1761283695]);
    const s = new JavaRandom(42);
    expect(Array.from({ length: 5 }, () => s.nextInt(10))).toEqual([0, 3, 8, 4, 0]);
  });
});

describe('Weka number formatting', () => {
  it('doubleToString rounds half up and strips zeros', () => {
    expect(doubleToString(75, 6)).toBe('75');
    expect(doubleToString(2.5, 6)).toBe('2.5');
    expect(doubleToString(-4.777777777, 6)).toBe('-4.777778');
    expect(doubleToString(0.0005, 3)).toBe('0.001');
    expect(doubleToString(0, 3)).toBe('0');
    expect(doubleToString(-0.0001, 3)).toBe('0');
  });
  it("javaDoubleToString follows Java's Double.toString", () => {
    expect(javaDoubleToString(2)).toBe('2.0');
    expect(javaDoubleToString(15.27)).toBe('15.27');
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
    expect(javaDoubleToString(0.0001)).toBe('1.0E-4');
    expect(javaDoubleToString(roundDouble(30.955, 2))).toBe('30.96');
  });
});
