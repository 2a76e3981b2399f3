import type { Sekolah } from './pdf/letterhead';

/** Everything one report card prints, gathered by RaporService, drawn by pdf/rapor-layout.ts. */
export interface RaporCard {
  sekolah: Sekolah;
  siswa: { id: number; nama: string; nis: string; nisn: string | null };
  rombel: { nama: string; tingkat: number; wali_kelas: string | null; nip_wali_kelas: string | null };
  tahun_ajaran: string;
  semester: string;
  /** In report-card order; `nilai` null when the student has no grades that semester. */
  mapel: Array<{ nama: string; nilai: number | null; kkm: number }>;
  rata_rata: number | null;
  peringkat: number | null;
  /** Students in the rombel (the "dari N" of the rank). */
  jumlah_siswa: number;
  presensi: { sakit: number; izin: number; alpa: number } | null;
  prestasi: { kategori: string; catatan: string | null } | null;
  /** The Genap card's promotion sentence; null in Ganjil or before a decision. */
  keputusan: string | null;
  /** `YYYY-MM-DD`: the date above the signatures. */
  tanggal: string;
}
