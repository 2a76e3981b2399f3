/**
 * Who is at risk for the next semester and why (issue #14), as pure functions over one student's
 * numbers, so the rules are tested on plain values and the e2e test can restate them in SQL.
 *
 * A student is at risk when any of these holds:
 *  - PREDIKSI_RENDAH: the prediction for the next semester is `Rendah`;
 *  - DI_BAWAH_PRESTASI: the prediction is a category below the last observed prestasi (the latest
 *    one recorded at or before the semester predicted from);
 *  - NILAI_TURUN: the rata-rata fell by at least PERINGATAN_TURUN_NILAI points since the previous
 *    semester (the calendar semester before, when the student has a report card for it);
 *  - KEHADIRAN_TURUN: the attendance category is `Rendah` now and was not in the previous semester.
 *
 * Risk order (most urgent first): the predicted category (Rendah, then Sedang, then Tinggi), then
 * the number of reasons, then the probability of `Rendah`, then the student id (a stable order).
 */
import { KATEGORI_PRESTASI } from '../prediksi/domain/feature-catalogue';

export const ALASAN_KODES = ['PREDIKSI_RENDAH', 'DI_BAWAH_PRESTASI', 'NILAI_TURUN', 'KEHADIRAN_TURUN'] as const;
export type AlasanKode = (typeof ALASAN_KODES)[number];

export interface RiskInput {
  prediksi: string;
  prestasiTerakhir: string | null;
  rataRata: number;
  rataRataSebelumnya: number | null;
  kategoriKehadiran: string | null;
  kategoriKehadiranSebelumnya: string | null;
}

const rank = (category: string): number => KATEGORI_PRESTASI.indexOf(category as (typeof KATEGORI_PRESTASI)[number]);

export function riskReasons(i: RiskInput, turunNilaiMin: number): AlasanKode[] {
  const reasons: AlasanKode[] = [];
  if (i.prediksi === 'Rendah') reasons.push('PREDIKSI_RENDAH');
  if (i.prestasiTerakhir !== null && rank(i.prediksi) < rank(i.prestasiTerakhir)) reasons.push('DI_BAWAH_PRESTASI');
  if (i.rataRataSebelumnya !== null && i.rataRataSebelumnya - i.rataRata >= turunNilaiMin) reasons.push('NILAI_TURUN');
  if (i.kategoriKehadiran === 'Rendah' && i.kategoriKehadiranSebelumnya !== null && i.kategoriKehadiranSebelumnya !== 'Rendah') {
    reasons.push('KEHADIRAN_TURUN');
  }
  return reasons;
}

export interface RankedRisk {
  siswa_id: number;
  prediksi_prestasi: string;
  alasan: readonly unknown[];
  probabilities: Readonly<Record<string, number>>;
}

/** The risk order described above, for Array.prototype.sort. */
export function compareRisk(a: RankedRisk, b: RankedRisk): number {
  return (
    rank(a.prediksi_prestasi) - rank(b.prediksi_prestasi) ||
    b.alasan.length - a.alasan.length ||
    (b.probabilities.Rendah ?? 0) - (a.probabilities.Rendah ?? 0) ||
    a.siswa_id - b.siswa_id
  );
}
