import type { SubjectField } from '../nilai/nilai-subjects';

/**
 * The words and numbers of a report card (RAPOR.md), kept free of PDF and database code so that they
 * are tested on plain values: Indonesian number and date spelling, the KKM verdict, the one-sentence
 * description of each subject, the fase of a tingkat and the promotion sentence.
 */

/** What the card prints where our data has no value (no attendance row, no NIP, …). */
export const KOSONG = '–';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `81.5` → `81,5`, `80` → `80`, `78.333…` → `78,33` (the Indonesian decimal comma); null → `–`. */
export function angka(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return KOSONG;
  const rounded = Number(value.toFixed(digits));
  return String(rounded).replace('.', ',');
}

/** `2026-12-02` → `2 Desember 2026`. */
export function tanggalIndonesia(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${BULAN[m - 1]} ${y}`;
}

/** Kurikulum Merdeka phases: A (1–2), B (3–4), C (5–6), D (7–9), E (10), F (11–12). */
export function fase(tingkat: number): string {
  if (tingkat <= 2) return 'A';
  if (tingkat <= 4) return 'B';
  if (tingkat <= 6) return 'C';
  if (tingkat <= 9) return 'D';
  return tingkat === 10 ? 'E' : 'F';
}

export function tuntas(nilai: number | null, kkm: number): string {
  if (nilai === null) return KOSONG;
  return nilai >= kkm ? 'Tuntas' : 'Belum Tuntas';
}

/**
 * One encouraging sentence from the score against the KKM. Our data has no per-competency detail,
 * so it says how far the student is along, and what helps next — never a judgement of the child.
 */
export function deskripsi(mapel: string, nilai: number | null, kkm: number): string {
  if (nilai === null) return `Nilai ${mapel} semester ini belum diisi.`;
  if (nilai >= Math.min(100, kkm + 15))
    return `Ananda menunjukkan penguasaan yang sangat baik dalam ${mapel}; kemampuan ini dapat terus dikembangkan.`;
  if (nilai >= kkm + 5) return `Ananda menunjukkan penguasaan yang baik dalam ${mapel}; terus pertahankan semangat belajar.`;
  if (nilai >= kkm) return `Ananda telah mencapai ketuntasan dalam ${mapel} dan dapat memperdalam pemahaman dengan berlatih.`;
  return `Ananda sedang berkembang dalam ${mapel} dan akan terbantu dengan pendampingan untuk mencapai ketuntasan.`;
}

/** The promotion decision stored on the membership (kenaikan), as the Genap card states it. */
export type Keputusan = 'naik' | 'tinggal' | 'lulus' | 'keluar';

/**
 * `naik` names the rombel the student moved into when there is one (`Naik ke kelas XI IPA 1`);
 * `tinggal` names the rombel of the next year (or the current one). Null: no decision yet.
 */
export function keputusanText(keputusan: Keputusan | null, rombelBerikutnya: string | null, rombelSekarang: string): string | null {
  switch (keputusan) {
    case 'naik':
      return rombelBerikutnya ? `Naik ke kelas ${rombelBerikutnya}` : 'Naik kelas';
    case 'tinggal':
      return `Tinggal di kelas ${rombelBerikutnya ?? rombelSekarang}`;
    case 'lulus':
      return 'Lulus';
    case 'keluar':
      return 'Tidak melanjutkan di satuan pendidikan ini';
    default:
      return null;
  }
}

/** `2025/2026` → `2025-2026`; `NIS 12/A` → `NIS-12-A`: file-name safe, ASCII letters, digits and dashes. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 40) || 'x';
}

/** The subjects' names as a report card prints them (the spreadsheets keep their short headers). */
export const NAMA_MAPEL: Readonly<Record<SubjectField, string>> = {
  matematika: 'Matematika',
  bahasa_indonesia: 'Bahasa Indonesia',
  bahasa_inggris: 'Bahasa Inggris',
  ipa: 'Ilmu Pengetahuan Alam',
  bahasa_jawa: 'Bahasa Jawa',
  agama: 'Pendidikan Agama dan Budi Pekerti',
  pjok: 'Pendidikan Jasmani, Olahraga, dan Kesehatan',
  pkn: 'Pendidikan Pancasila dan Kewarganegaraan',
  sejarah: 'Sejarah',
  seni: 'Seni Budaya',
  dasar_kejuruan: 'Dasar Kejuruan',
};
