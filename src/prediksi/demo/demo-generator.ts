/**
 * Seeded demo school: students with grades, attendance, parental income and an observed
 * achievement that depends on those features plus noise — so a C4.5 model trained on
 * (rata_rata, kategori_penghasilan, kategori_kehadiran) learns something real but not trivially.
 * Pure and deterministic: the same options always give the same records.
 */
import type {
  DemoNilai, DemoPenghasilan, DemoPresensi, DemoPrestasi, DemoSchool, DemoSchoolOptions, DemoSiswa,
  ExistingStudent, KategoriPrestasi, Semester, SemesterPeriod, StudentHistory, StudentLatent,
} from './demo-types';
import { SUBJECT_FIELDS } from '../../nilai/nilai-subjects';
import {
  CATATAN, CITIES, EDUCATION_LEVELS, FEMININE_LAST_NAMES, FIRST_NAMES_L, FIRST_NAMES_P, JOBS_AYAH, JOBS_IBU,
  JOB_NONE_AYAH, JOB_NONE_IBU, LAST_NAMES, STREETS, SUBJECT_OFFSET,
} from './demo-vocabulary';
import { type Rng, clamp, createRng, gaussian, pick, randInt, seedFromKey } from './prng';
import { tahunAjaranOn } from '../domain/semester';

export type * from './demo-types';
export { type Rng, createRng, seedFromKey } from './prng';

/**
 * The design's default category thresholds (API.md §4). The labels only need to depend on the
 * categories "roughly", so a deployment with other thresholds still gets a learnable signal.
 */
const INCOME_TINGGI = 5_000_000;
const INCOME_MENENGAH = 2_300_000;
const ATTENDANCE_TINGGI = 80;
const ATTENDANCE_SEDANG = 75;

/**
 * Achievement model: score = rata_rata + attendance bonus + income effect + noise, thresholded.
 * The noise and thresholds are tuned so a C4.5 tree reaches ~80 % CV accuracy with all three
 * classes well represented (see the spec's class-balance and separability checks).
 */
const ATTENDANCE_EFFECT = { Tinggi: 2, Sedang: -2, Rendah: -6 } as const;
const INCOME_EFFECT = { Tinggi: 2, Menengah: 0, Rendah: -2 } as const;
const LABEL_NOISE_SD = 2;
const SCORE_TINGGI = 82;
const SCORE_SEDANG = 73;

export function averageScore(nilai: DemoNilai): number {
  return SUBJECT_FIELDS.reduce((s, subject) => s + nilai[subject], 0) / SUBJECT_FIELDS.length;
}

export function attendancePercent(p: Omit<DemoPresensi, keyof SemesterPeriod>): number {
  const total = p.jumlah_hadir + p.jumlah_sakit + p.jumlah_izin + p.jumlah_alpa;
  return total > 0 ? (p.jumlah_hadir / total) * 100 : 0;
}

export function totalIncome(p: Pick<DemoPenghasilan, 'penghasilan_ayah' | 'penghasilan_ibu'>): number {
  return p.penghasilan_ayah + p.penghasilan_ibu;
}

/** `count` consecutive semesters: Ganjil then Genap of each tahun_ajaran, from `startYear/startYear+1`. */
export function semesterPeriods(startYear: number, count: number, first: Semester = 'Ganjil'): SemesterPeriod[] {
  const out: SemesterPeriod[] = [];
  let year = startYear;
  let semester = first;
  for (let i = 0; i < count; i++) {
    out.push({ semester, tahun_ajaran: `${year}/${year + 1}` });
    if (semester === 'Genap') year++;
    semester = semester === 'Ganjil' ? 'Genap' : 'Ganjil';
  }
  return out;
}

/**
 * The demo school's semesters: `count` consecutive ones ending with the semester running on `today`
 * (never one that has not started), e.g. on 2026-12-01 (Ganjil 2026/2027) four semesters are Genap
 * 2024/2025 … Ganjil 2026/2027. `today` is a parameter so the demo stays deterministic in tests.
 */
export function demoPeriodsEndingOn(today: Date, count: number): { startYear: number; firstSemester: Semester } {
  const current = tahunAjaranOn(today);
  // Position of the current semester counted in semesters since Ganjil of year 0, minus count - 1.
  const index = current.startYear * 2 + (current.semester === 'Genap' ? 1 : 0) - Math.max(0, count - 1);
  return { startYear: Math.floor(index / 2), firstSemester: index % 2 === 0 ? 'Ganjil' : 'Genap' };
}

/** Both semesters of one tahun_ajaran (`'2024/2025'`) — what generate-dummy-by-name adds. */
export function periodsForTahunAjaran(tahunAjaran: string): SemesterPeriod[] {
  const m = /^(\d{4})\/(\d{4})$/.exec(tahunAjaran);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`tahun_ajaran must be YYYY/YYYY+1, got '${tahunAjaran}'`);
  return semesterPeriods(Number(m[1]), 2);
}

/** Correlated traits: able students tend to attend more and come from slightly better-off homes. */
export function drawLatent(rng: Rng): StudentLatent {
  const ability = gaussian(rng);
  const diligence = 0.4 * ability + Math.sqrt(1 - 0.16) * gaussian(rng);
  const ses = 0.3 * ability + Math.sqrt(1 - 0.09) * gaussian(rng);
  return { ability, diligence, ses };
}

/** Traits for an existing student derived from a stable key (e.g. siswa_id), so repeated calls agree. */
export function latentForKey(key: string | number): StudentLatent {
  return drawLatent(createRng(seedFromKey(`latent:${key}`)));
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}

function drawPenghasilan(rng: Rng, ses: number): DemoPenghasilan {
  // Log-normal incomes: most households below the regional minimum wage, a long tail above 5M.
  const ayahWorks = rng() >= 0.04;
  const ayah = ayahWorks ? Math.max(600_000, roundTo(2_300_000 * Math.exp(0.55 * ses + 0.35 * gaussian(rng)), 50_000)) : 0;
  const ibuWorks = rng() >= clamp(0.45 - 0.1 * ses, 0.15, 0.75);
  const ibu = ibuWorks ? Math.max(500_000, roundTo(1_500_000 * Math.exp(0.5 * ses + 0.35 * gaussian(rng)), 50_000)) : 0;
  const band = (income: number): number => (income >= INCOME_TINGGI ? 2 : income >= INCOME_MENENGAH ? 1 : 0);
  const education = (): string =>
    EDUCATION_LEVELS[clamp(Math.round(2 + 1.1 * ses + 0.7 * gaussian(rng)), 0, EDUCATION_LEVELS.length - 1)];
  return {
    penghasilan_ayah: ayah,
    penghasilan_ibu: ibu,
    pekerjaan_ayah: ayahWorks ? pick(rng, JOBS_AYAH[band(ayah)]) : JOB_NONE_AYAH,
    pekerjaan_ibu: ibuWorks ? pick(rng, JOBS_IBU[band(ibu)]) : JOB_NONE_IBU,
    pendidikan_ayah: education(),
    pendidikan_ibu: education(),
  };
}

function drawNilai(rng: Rng, period: SemesterPeriod, mean: number, aptitude: Readonly<Record<string, number>>): DemoNilai {
  const nilai = { ...period } as DemoNilai;
  for (const subject of SUBJECT_FIELDS) {
    const raw = mean + SUBJECT_OFFSET[subject] + aptitude[subject] + 4 * gaussian(rng);
    nilai[subject] = clamp(Math.round(raw), 30, 100);
  }
  return nilai;
}

function drawPresensi(rng: Rng, period: SemesterPeriod, diligence: number): DemoPresensi {
  const days = randInt(rng, 100, 120);
  const absentRate = clamp(0.15 - 0.065 * diligence + 0.035 * gaussian(rng), 0.005, 0.45);
  const absent = Math.round(days * absentRate);
  // Less diligent students skip without notice (alpa) more; the rest splits into sick and excused.
  const alpaShare = clamp(0.25 - 0.12 * diligence + 0.1 * gaussian(rng), 0.02, 0.8);
  const alpa = Math.round(absent * alpaShare);
  const sakit = Math.round((absent - alpa) * (0.45 + 0.3 * rng()));
  return {
    ...period,
    jumlah_hadir: days - absent,
    jumlah_sakit: sakit,
    jumlah_izin: absent - alpa - sakit,
    jumlah_alpa: alpa,
  };
}

function incomeCategory(total: number): keyof typeof INCOME_EFFECT {
  return total >= INCOME_TINGGI ? 'Tinggi' : total >= INCOME_MENENGAH ? 'Menengah' : 'Rendah';
}

function attendanceCategory(percent: number): keyof typeof ATTENDANCE_EFFECT {
  return percent >= ATTENDANCE_TINGGI ? 'Tinggi' : percent >= ATTENDANCE_SEDANG ? 'Sedang' : 'Rendah';
}

function drawPrestasi(rng: Rng, nilai: DemoNilai, presensi: DemoPresensi, income: number): DemoPrestasi {
  const score =
    averageScore(nilai) +
    ATTENDANCE_EFFECT[attendanceCategory(attendancePercent(presensi))] +
    INCOME_EFFECT[incomeCategory(income)] +
    LABEL_NOISE_SD * gaussian(rng);
  const kategori: KategoriPrestasi = score >= SCORE_TINGGI ? 'Tinggi' : score >= SCORE_SEDANG ? 'Sedang' : 'Rendah';
  return { semester: nilai.semester, tahun_ajaran: nilai.tahun_ajaran, kategori, catatan: pick(rng, CATATAN[kategori]) };
}

/**
 * Grades, attendance, income and observed achievement of one student for the given semesters.
 * Pass `student.latent` (e.g. from `latentForKey(siswa_id)`) and the stored `penghasilan` when
 * adding data for an existing student; the returned `penghasilan` is then the stored one.
 */
export function generateStudentHistory(rng: Rng, student: ExistingStudent, semesters: readonly SemesterPeriod[]): StudentHistory {
  const latent = student.latent ?? drawLatent(rng);
  const drawn = drawPenghasilan(rng, latent.ses);
  const penghasilan: DemoPenghasilan = student.penghasilan ? { ...drawn, ...student.penghasilan } : drawn;
  const income = totalIncome(penghasilan);
  // A per-subject aptitude that persists across semesters: a student is "good at maths" all year.
  const aptitude: Record<string, number> = {};
  for (const subject of SUBJECT_FIELDS) aptitude[subject] = 3 * gaussian(rng);
  const baseMean = 77 + 7 * latent.ability;
  const history: StudentHistory = { nilai: [], presensi: [], penghasilan, prestasi: [] };
  for (const period of semesters) {
    const mean = baseMean + 1.5 * gaussian(rng); // a good or bad semester
    const nilai = drawNilai(rng, period, mean, aptitude);
    const presensi = drawPresensi(rng, period, latent.diligence);
    history.nilai.push(nilai);
    history.presensi.push(presensi);
    history.prestasi.push(drawPrestasi(rng, nilai, presensi, income));
  }
  return history;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function drawSiswa(rng: Rng, index: number, nisWidth: number, options: DemoSchoolOptions): DemoSiswa {
  const jenis_kelamin = rng() < 0.5 ? 'L' : 'P';
  const first = pick(rng, jenis_kelamin === 'L' ? FIRST_NAMES_L : FIRST_NAMES_P);
  let last = pick(rng, LAST_NAMES);
  if (jenis_kelamin === 'L' && FEMININE_LAST_NAMES.has(last)) last = 'Saputra';
  // Many Javanese names are two given names without a family name; a few are a single name.
  const style = rng();
  const nama = style < 0.1 ? first : style < 0.3 ? `${first} ${pick(rng, jenis_kelamin === 'L' ? FIRST_NAMES_L : FIRST_NAMES_P)}` : `${first} ${last}`;
  const level = randInt(rng, 0, 2);
  const kelas = `${['X', 'XI', 'XII'][level]} ${rng() < 0.55 ? 'IPA' : 'IPS'} ${randInt(rng, 1, 3)}`;
  // Age 15–18 in the last generated school year: a class-X student is 15 or 16, and so on.
  const offset = options.firstSemester === 'Genap' ? 1 : 0;
  const lastSchoolYear = options.startYear + Math.floor((offset + Math.max(0, options.semesters - 1)) / 2);
  const birthYear = lastSchoolYear - (15 + level + randInt(rng, 0, 1));
  const month = randInt(rng, 1, 12);
  const day = randInt(rng, 1, new Date(Date.UTC(birthYear, month, 0)).getUTCDate());
  const alamat = `Jl. ${pick(rng, STREETS)} No. ${randInt(rng, 1, 150)}, ${pick(rng, CITIES)}`;
  return {
    nis: `${options.startYear}${pad(index + 1, nisWidth)}`,
    nama,
    kelas,
    jenis_kelamin,
    tanggal_lahir: `${birthYear}-${pad(month, 2)}-${pad(day, 2)}`,
    alamat,
  };
}

export function generateDemoSchool(options: DemoSchoolOptions): DemoSchool {
  const { seed, students, semesters, startYear } = options;
  if (!Number.isInteger(students) || students < 0) throw new RangeError('students must be a non-negative integer');
  if (!Number.isInteger(semesters) || semesters < 0) throw new RangeError('semesters must be a non-negative integer');
  const rng = createRng(seed);
  const periods = semesterPeriods(startYear, semesters, options.firstSemester);
  const nisWidth = Math.max(4, String(students).length);
  const school: DemoSchool = { siswa: [], perStudent: [] };
  for (let i = 0; i < students; i++) {
    school.siswa.push(drawSiswa(rng, i, nisWidth, options));
    school.perStudent.push(generateStudentHistory(rng, {}, periods));
  }
  return school;
}

/** Exposed for tests and callers that want the generator's own view of the categories. */
export const demoCategories = { incomeCategory, attendanceCategory } as const;
