/**
 * The derived fields of the school records, as pure functions: the services store their results, the
 * threshold recompute re-applies the same category rules in SQL, and the prediction module reads them.
 * No framework imports, so they are tested on plain numbers at every boundary.
 */

export type KategoriKehadiran = 'Tinggi' | 'Sedang' | 'Rendah';
export type KategoriPenghasilan = 'Tinggi' | 'Menengah' | 'Rendah';

export const KATEGORI_KEHADIRAN: readonly KategoriKehadiran[] = ['Tinggi', 'Sedang', 'Rendah'];
export const KATEGORI_PENGHASILAN: readonly KategoriPenghasilan[] = ['Tinggi', 'Menengah', 'Rendah'];

export interface AttendanceThresholds {
  attendanceHighMin: number;
  attendanceMediumMin: number;
}

export interface IncomeThresholds {
  incomeHighMin: number;
  incomeMediumMin: number;
}

export interface AttendanceCounts {
  jumlah_hadir: number;
  jumlah_sakit: number;
  jumlah_izin: number;
  jumlah_alpa: number;
}

/** Mean of the subject scores at full precision (no rounding: the model splits on exact values). */
export function rataRata(scores: readonly number[]): number {
  if (scores.length === 0) throw new RangeError('rataRata needs at least one score');
  let sum = 0;
  for (const score of scores) sum += score;
  return sum / scores.length;
}

export function totalHariPresensi(counts: AttendanceCounts): number {
  return counts.jumlah_hadir + counts.jumlah_sakit + counts.jumlah_izin + counts.jumlah_alpa;
}

/**
 * hadir / total × 100. Multiplying before dividing keeps exact thresholds exact (4 of 5 days is 80,
 * not 80.00000000000001), so a student at exactly 80 % is never pushed across a boundary by rounding.
 */
export function persentaseKehadiran(counts: AttendanceCounts): number {
  const total = totalHariPresensi(counts);
  if (total <= 0) throw new RangeError('persentaseKehadiran needs at least one recorded day');
  return (counts.jumlah_hadir * 100) / total;
}

/**
 * A category rule: [category, minimum] from the highest band down, and the category below every band.
 * The services apply it here on each write; the threshold re-derivation applies the same bands in SQL.
 */
export interface CategoryBands<K extends string> {
  readonly bands: ReadonlyArray<readonly [K, number]>;
  readonly fallback: K;
}

export function categoryOf<K extends string>(value: number, rule: CategoryBands<K>): K {
  for (const [category, min] of rule.bands) if (value >= min) return category;
  return rule.fallback;
}

/** Two bands over Rendah, as both derived categories are banded. */
function aboveRendah<K extends string>(high: readonly [K, number], middle: readonly [K, number]): CategoryBands<K | 'Rendah'> {
  return { bands: [high, middle], fallback: 'Rendah' };
}

export const attendanceBands = (t: AttendanceThresholds): CategoryBands<KategoriKehadiran> =>
  aboveRendah(['Tinggi', t.attendanceHighMin], ['Sedang', t.attendanceMediumMin]);

export const incomeBands = (t: IncomeThresholds): CategoryBands<KategoriPenghasilan> =>
  aboveRendah(['Tinggi', t.incomeHighMin], ['Menengah', t.incomeMediumMin]);

export function kategoriKehadiran(persentase: number, t: AttendanceThresholds): KategoriKehadiran {
  return categoryOf(persentase, attendanceBands(t));
}

export function totalPenghasilan(penghasilanAyah: number, penghasilanIbu: number): number {
  return penghasilanAyah + penghasilanIbu;
}

export function kategoriPenghasilan(total: number, t: IncomeThresholds): KategoriPenghasilan {
  return categoryOf(total, incomeBands(t));
}
