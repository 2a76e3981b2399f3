import { kategoriKehadiran, kategoriPenghasilan, persentaseKehadiran, rataRata, totalHariPresensi, totalPenghasilan } from './derived';

const thresholds = {
  attendanceHighMin: 80,
  attendanceMediumMin: 75,
  incomeHighMin: 5_000_000,
  incomeMediumMin: 2_300_000,
};
const days = (hadir: number, sakit = 0, izin = 0, alpa = 0) => ({
  jumlah_hadir: hadir,
  jumlah_sakit: sakit,
  jumlah_izin: izin,
  jumlah_alpa: alpa,
});

describe('rataRata', () => {
  it('is the exact mean of the eleven scores', () => {
    expect(rataRata([80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90])).toBe(85);
    expect(rataRata(Array(11).fill(100))).toBe(100);
    expect(rataRata(Array(11).fill(0))).toBe(0);
  });

  it('keeps full precision (no rounding to two decimals)', () => {
    expect(rataRata([...Array(10).fill(80), 81])).toBe(881 / 11);
    expect(rataRata([...Array(10).fill(80), 81])).not.toBe(80.09);
  });

  it('refuses an empty list', () => {
    expect(() => rataRata([])).toThrow(RangeError);
  });
});

describe('persentaseKehadiran', () => {
  it('is hadir / total × 100', () => {
    expect(totalHariPresensi(days(90, 5, 3, 2))).toBe(100);
    expect(persentaseKehadiran(days(90, 5, 3, 2))).toBe(90);
    expect(persentaseKehadiran(days(1, 2))).toBeCloseTo(33.3333333, 6);
  });

  it('is exact at the thresholds for totals that are not 100', () => {
    expect(persentaseKehadiran(days(4, 1))).toBe(80);
    expect(persentaseKehadiran(days(3, 0, 1))).toBe(75);
    expect(persentaseKehadiran(days(12, 1, 1, 1))).toBe(80);
  });

  it('refuses a total of zero', () => {
    expect(() => persentaseKehadiran(days(0))).toThrow(RangeError);
  });
});

/**
 * Both categories are bands with inclusive lower bounds (default thresholds): the top of the scale and
 * each bound fall in the band, the value just below a bound in the next one down, zero in the last.
 */
const BANDS = [
  { name: 'kategoriKehadiran', of: (x: number) => kategoriKehadiran(x, thresholds), top: 100, below: 0.00001, bounds: [80, 75], names: ['Tinggi', 'Sedang', 'Rendah'] },
  { name: 'kategoriPenghasilan', of: (x: number) => kategoriPenghasilan(x, thresholds), top: 10_000_000, below: 1, bounds: [5_000_000, 2_300_000], names: ['Tinggi', 'Menengah', 'Rendah'] },
];

describe.each(BANDS)('$name bands', ({ of, top, below, bounds, names }) => {
  it('puts the top of the scale in the highest band and zero in the lowest', () => {
    expect(of(top)).toBe(names[0]);
    expect(of(0)).toBe(names[names.length - 1]);
  });

  it.each(bounds.map((bound, i) => [bound, names[i], names[i + 1]] as const))('%p is %s, just below it %s', (bound, at, under) => {
    expect(of(bound)).toBe(at);
    expect(of(bound - below)).toBe(under);
  });
});

describe('kategoriKehadiran', () => {
  it('follows configured thresholds', () => {
    const strict = { attendanceHighMin: 90, attendanceMediumMin: 85 };
    expect(kategoriKehadiran(89, strict)).toBe('Sedang');
    expect(kategoriKehadiran(84, strict)).toBe('Rendah');
    expect(kategoriKehadiran(90, strict)).toBe('Tinggi');
  });

  it('categorises computed percentages at the boundary', () => {
    expect(kategoriKehadiran(persentaseKehadiran(days(80, 20)), thresholds)).toBe('Tinggi');
    expect(kategoriKehadiran(persentaseKehadiran(days(79, 21)), thresholds)).toBe('Sedang');
    expect(kategoriKehadiran(persentaseKehadiran(days(75, 25)), thresholds)).toBe('Sedang');
    expect(kategoriKehadiran(persentaseKehadiran(days(74, 26)), thresholds)).toBe('Rendah');
  });
});

describe('totalPenghasilan and kategoriPenghasilan', () => {
  it('adds both parents', () => {
    expect(totalPenghasilan(3_000_000, 2_000_000)).toBe(5_000_000);
    expect(totalPenghasilan(0, 0)).toBe(0);
  });

  it('follows configured thresholds', () => {
    expect(
      kategoriPenghasilan(3_000_000, {
        incomeHighMin: 3_000_000,
        incomeMediumMin: 1_500_000,
      }),
    ).toBe('Tinggi');
  });
});
