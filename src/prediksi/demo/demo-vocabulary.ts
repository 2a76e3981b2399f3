import type { SubjectField } from '../../nilai/nilai-subjects';

/**
 * Word lists for plausible Indonesian (mostly Central/East Javanese, since the curriculum has
 * Bahasa Jawa) student records. Kept apart from the generator so the logic stays readable.
 */

export const FIRST_NAMES_L = [
  'Budi', 'Agus', 'Andi', 'Ahmad', 'Muhammad', 'Rizky', 'Dimas', 'Fajar', 'Bayu', 'Eko',
  'Joko', 'Hendra', 'Arif', 'Dwi', 'Yoga', 'Reza', 'Aditya', 'Galih', 'Ilham', 'Wahyu',
  'Rafi', 'Fikri', 'Danang', 'Bagus', 'Teguh', 'Yusuf', 'Naufal', 'Satria', 'Hafiz', 'Putra',
] as const;

export const FIRST_NAMES_P = [
  'Siti', 'Dewi', 'Ayu', 'Putri', 'Nur', 'Rina', 'Sri', 'Fitri', 'Indah', 'Lestari',
  'Anisa', 'Nabila', 'Aulia', 'Dian', 'Wulan', 'Ratna', 'Intan', 'Zahra', 'Salsabila', 'Tiara',
  'Citra', 'Kartika', 'Novi', 'Rahma', 'Laras', 'Maya', 'Amelia', 'Nadia', 'Yuliana', 'Annisa',
] as const;

/** Family names; many Javanese have none, so the generator sometimes uses a second given name. */
export const LAST_NAMES = [
  'Santoso', 'Wibowo', 'Pratama', 'Saputra', 'Nugroho', 'Hidayat', 'Kurniawan', 'Setiawan',
  'Susanto', 'Wijaya', 'Purnomo', 'Gunawan', 'Firmansyah', 'Ramadhan', 'Hakim', 'Prasetyo',
  'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Lubis', 'Suryadi', 'Kusuma', 'Utomo',
  'Hartono', 'Permana', 'Maulana', 'Syahputra', 'Handayani', 'Rahmawati', 'Puspitasari', 'Anggraini',
] as const;

/** Surnames that read as feminine; only given to girls. */
export const FEMININE_LAST_NAMES = new Set(['Handayani', 'Rahmawati', 'Puspitasari', 'Anggraini']);

export const STREETS = [
  'Merdeka', 'Diponegoro', 'Sudirman', 'Gajah Mada', 'Pahlawan', 'Ahmad Yani', 'Imam Bonjol',
  'Kartini', 'Veteran', 'Pemuda', 'Pattimura', 'Slamet Riyadi', 'Pandanaran', 'Melati', 'Mawar',
  'Kenanga', 'Cendana', 'Flamboyan', 'Dr. Cipto', 'Hasanuddin', 'Teuku Umar', 'Sisingamangaraja',
] as const;

export const CITIES = [
  'Semarang', 'Surakarta', 'Yogyakarta', 'Salatiga', 'Magelang', 'Kudus', 'Klaten', 'Boyolali',
  'Sukoharjo', 'Kendal', 'Demak', 'Pati', 'Jepara', 'Malang', 'Surabaya', 'Madiun', 'Kediri',
] as const;


/** Typical report-card offsets: maths and science grade lower, religion and PE higher. */
export const SUBJECT_OFFSET: Readonly<Record<SubjectField, number>> = {
  matematika: -4,
  bahasa_indonesia: 1,
  bahasa_inggris: -2,
  bahasa_jawa: 0,
  ipa: -3,
  agama: 4,
  pjok: 3,
  pkn: 2,
  sejarah: 0,
  seni: 2,
  dasar_kejuruan: -1,
};

/** Occupations by household income band (low → high), so job, education and income agree. */
export const JOBS_AYAH: readonly (readonly string[])[] = [
  ['Buruh Harian', 'Petani', 'Nelayan', 'Buruh Pabrik', 'Pedagang Kecil', 'Tukang Bangunan', 'Ojek Online'],
  ['Wiraswasta', 'Karyawan Swasta', 'Pedagang', 'Sopir', 'Guru Honorer', 'Montir'],
  ['PNS', 'TNI/Polri', 'Guru', 'Karyawan BUMN', 'Pengusaha', 'Dokter', 'Dosen'],
];
export const JOBS_IBU: readonly (readonly string[])[] = [
  ['Buruh Harian', 'Petani', 'Pedagang Kecil', 'Penjahit', 'Buruh Pabrik'],
  ['Wiraswasta', 'Karyawan Swasta', 'Pedagang', 'Guru Honorer'],
  ['PNS', 'Guru', 'Bidan', 'Perawat', 'Karyawan BUMN', 'Dosen'],
];
export const JOB_NONE_AYAH = 'Tidak Bekerja';
export const JOB_NONE_IBU = 'Ibu Rumah Tangga';

export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA/SMK', 'D3', 'S1', 'S2'] as const;

export const CATATAN: Readonly<Record<'Tinggi' | 'Sedang' | 'Rendah', readonly string[]>> = {
  Tinggi: [
    'Prestasi sangat baik, pertahankan.',
    'Aktif di kelas dan konsisten mengerjakan tugas.',
    'Nilai stabil tinggi; layak diikutkan olimpiade.',
  ],
  Sedang: [
    'Prestasi cukup baik, masih bisa ditingkatkan.',
    'Perlu lebih konsisten dalam mengerjakan tugas.',
    'Cukup aktif; tingkatkan belajar mandiri.',
  ],
  Rendah: [
    'Perlu bimbingan belajar tambahan.',
    'Kehadiran dan nilai perlu perhatian wali kelas.',
    'Disarankan konsultasi dengan guru BK.',
  ],
};
