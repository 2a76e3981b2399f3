/** Plain records the demo generator produces — field names match the API's request bodies. */
import type { SubjectField } from '../../nilai/nilai-subjects';

export type Semester = 'Ganjil' | 'Genap';
export type KategoriPrestasi = 'Tinggi' | 'Sedang' | 'Rendah';
export type JenisKelamin = 'L' | 'P';
export type SubjectName = SubjectField;

export interface SemesterPeriod {
  semester: Semester;
  /** `YYYY/YYYY+1`, e.g. `2023/2024`. */
  tahun_ajaran: string;
}

export interface DemoSiswa {
  nis: string;
  nama: string;
  kelas: string;
  jenis_kelamin: JenisKelamin;
  /** `YYYY-MM-DD` */
  tanggal_lahir: string;
  alamat: string;
}

/** One report card: the eleven subject scores (integers 0–100) for one semester. */
export type DemoNilai = SemesterPeriod & Record<SubjectName, number>;

export interface DemoPresensi extends SemesterPeriod {
  jumlah_hadir: number;
  jumlah_sakit: number;
  jumlah_izin: number;
  jumlah_alpa: number;
}

export interface DemoPenghasilan {
  /** Rupiah per month. */
  penghasilan_ayah: number;
  /** Rupiah per month; 0 for a mother without paid work. */
  penghasilan_ibu: number;
  pekerjaan_ayah: string;
  pekerjaan_ibu: string;
  pendidikan_ayah: string;
  pendidikan_ibu: string;
}

export interface DemoPrestasi extends SemesterPeriod {
  kategori: KategoriPrestasi;
  catatan: string;
}

/**
 * Hidden per-student traits (roughly standard normal) that make a student's records hang
 * together across subjects and semesters: ability drives grades, diligence attendance,
 * ses (socio-economic status) parental income, job and education.
 */
export interface StudentLatent {
  ability: number;
  diligence: number;
  ses: number;
}

/** Everything recorded about one student over the generated semesters (arrays in semester order). */
export interface StudentHistory {
  nilai: DemoNilai[];
  presensi: DemoPresensi[];
  penghasilan: DemoPenghasilan;
  prestasi: DemoPrestasi[];
}

export interface DemoSchoolOptions {
  seed: number;
  students: number;
  /** Consecutive semesters per student, starting with `firstSemester` of `startYear/startYear+1`. */
  semesters: number;
  startYear: number;
  /** Default Ganjil. */
  firstSemester?: Semester;
}

export interface DemoSchool {
  siswa: DemoSiswa[];
  /** Aligned with `siswa`: `perStudent[i]` belongs to `siswa[i]`. */
  perStudent: StudentHistory[];
}

/** What an existing student may already have; anything missing is drawn from the RNG. */
export interface ExistingStudent {
  latent?: StudentLatent;
  /** The stored income, so the achievement labels agree with the income category already on file. */
  penghasilan?: Pick<DemoPenghasilan, 'penghasilan_ayah' | 'penghasilan_ibu'> & Partial<DemoPenghasilan>;
}
