import { REPORT_SUBJECTS } from '../nilai/nilai-subjects';
import type { MapelRekapDto, RekapResponseDto, SiswaRekapDto } from '../rombel/dto/rekap.dto';
import { NAMA_MAPEL } from './rapor-content';

/**
 * The columns of the class recap (leger) — one row per student, one column per subject, then the
 * average and the rank; the per-subject summary; the class totals — in one place, so the xlsx and
 * the PDF export say the same. Values are numbers (the spreadsheet keeps them numeric) or text;
 * null is an empty cell, and "–" in the PDF.
 */
export type LegerValue = string | number | null;

export interface LegerColumn<R> {
  header: string;
  /** The PDF's narrow header (the subjects get a legend under the table). */
  short?: string;
  /** Width in the landscape PDF, in points. */
  width: number;
  value: (row: R, index: number) => LegerValue;
  align?: 'left' | 'center';
}

const SHORT: Record<string, string> = {
  matematika: 'MTK',
  bahasa_indonesia: 'BIND',
  bahasa_inggris: 'BING',
  ipa: 'IPA',
  bahasa_jawa: 'BJAW',
  agama: 'AGM',
  pjok: 'PJOK',
  pkn: 'PKN',
  sejarah: 'SEJ',
  seni: 'SENI',
  dasar_kejuruan: 'DK',
};

/** The PDF's abbreviations spelled out (those that are not already the subject's name). */
export const SUBJECT_LEGEND = REPORT_SUBJECTS.filter((s) => SHORT[s.field] !== s.header.toUpperCase())
  .map((s) => `${SHORT[s.field]} = ${NAMA_MAPEL[s.field as keyof typeof NAMA_MAPEL]}`)
  .join(', ');

/** Students as the leger lists them: the class list's order (by name), each with their rank. */
function legerRows(rekap: RekapResponseDto): SiswaRekapDto[] {
  return [...rekap.siswa].sort((a, b) => a.nama.localeCompare(b.nama, 'id') || a.nis.localeCompare(b.nis) || a.siswa_id - b.siswa_id);
}

const LEGER_COLUMNS: ReadonlyArray<LegerColumn<SiswaRekapDto>> = [
  { header: 'No', width: 22, value: (_, i) => i + 1, align: 'center' },
  { header: 'Nama', width: 120, value: (s) => s.nama },
  { header: 'NIS', width: 74, value: (s) => s.nis },
  ...REPORT_SUBJECTS.map((m): LegerColumn<SiswaRekapDto> => ({
    header: m.header,
    short: SHORT[m.field],
    width: 31,
    value: (s) => s.nilai?.[m.field] ?? null,
    align: 'center',
  })),
  { header: 'Rata-rata', width: 40, value: (s) => s.rata_rata, align: 'center' },
  { header: 'Peringkat', width: 42, value: (s) => s.peringkat, align: 'center' },
  { header: 'Kehadiran (%)', width: 40, value: (s) => s.persentase_kehadiran, align: 'center' },
  { header: 'Kategori Kehadiran', width: 52, value: (s) => s.kategori_kehadiran, align: 'center' },
  { header: 'Prestasi', width: 39, value: (s) => s.prestasi, align: 'center' },
];

const MAPEL_COLUMNS: ReadonlyArray<LegerColumn<MapelRekapDto>> = [
  { header: 'Mata Pelajaran', width: 150, value: (m) => REPORT_SUBJECTS.find((s) => s.field === m.mapel)?.header ?? m.mapel },
  { header: 'KKM', width: 50, value: (m) => m.kkm, align: 'center' },
  { header: 'Rata-rata', width: 60, value: (m) => m.rata_rata, align: 'center' },
  { header: 'Terendah', width: 60, value: (m) => m.min, align: 'center' },
  { header: 'Tertinggi', width: 60, value: (m) => m.max, align: 'center' },
  { header: 'Jumlah Nilai', width: 60, value: (m) => m.jumlah_nilai, align: 'center' },
  { header: 'Di Bawah KKM', width: 60, value: (m) => m.jumlah_di_bawah_kkm, align: 'center' },
];

/** The per-subject summary in report-card order (the recap lists subjects in field order). */
function mapelInReportOrder(rekap: RekapResponseDto): MapelRekapDto[] {
  return REPORT_SUBJECTS.flatMap((s) => rekap.mapel.filter((m) => m.mapel === s.field));
}

/** Class totals as label–value pairs. */
function totalRows(rekap: RekapResponseDto): Array<[string, LegerValue]> {
  const t = rekap.total;
  return [
    ['Jumlah siswa', t.jumlah_siswa],
    ['Siswa dengan nilai', t.jumlah_dengan_nilai],
    ['Rata-rata kelas', t.rata_rata],
    ['Rata-rata terendah', t.min],
    ['Rata-rata tertinggi', t.max],
    ['Rata-rata kehadiran (%)', t.persentase_kehadiran],
    ...Object.entries(t.prestasi).map(([k, n]): [string, LegerValue] => [`Prestasi ${k}`, n]),
  ];
}

/** The header lines every export starts with. */
function headerRows(rekap: RekapResponseDto, sekolah: string | null, waliKelas: string | null): Array<[string, string]> {
  return [
    ['Sekolah', sekolah ?? '–'],
    ['Rombel', rekap.rombel],
    ['Tahun Pelajaran', rekap.tahun_ajaran],
    ['Semester', rekap.semester],
    ['Wali Kelas', waliKelas ?? '–'],
  ];
}

/** One table of the recap: its columns and its rows. */
export interface LegerTable<R> {
  columns: ReadonlyArray<LegerColumn<R>>;
  rows: R[];
}

/** Everything a rendered recap holds, in the order both renderers (xlsx, PDF) lay it out. */
export interface LegerTables {
  header: Array<[string, string]>;
  leger: LegerTable<SiswaRekapDto>;
  mapel: LegerTable<MapelRekapDto>;
  totals: Array<[string, LegerValue]>;
}

export function legerTables(rekap: RekapResponseDto, sekolah: string | null, waliKelas: string | null): LegerTables {
  return {
    header: headerRows(rekap, sekolah, waliKelas),
    leger: { columns: LEGER_COLUMNS, rows: legerRows(rekap) },
    mapel: { columns: MAPEL_COLUMNS, rows: mapelInReportOrder(rekap) },
    totals: totalRows(rekap),
  };
}
