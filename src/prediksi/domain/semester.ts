/** Semester arithmetic: a prediction made from one semester's records is about the next one. */
import { msg } from '../../i18n/catalogue';
import { t } from '../../i18n/language';

export type Semester = 'Ganjil' | 'Genap';

export interface SemesterPrediksi {
  data_dari_semester: string;
  data_dari_tahun_ajaran: string;
  prediksi_untuk_semester: Semester;
  prediksi_untuk_tahun_ajaran: string;
  keterangan: string;
}

const TAHUN_AJARAN = /^(\d{4})\/(\d{4})$/;

/** Ganjil → Genap of the same school year; Genap → Ganjil of the next one. */
export function nextSemester(semester: Semester, tahunAjaran: string): { semester: Semester; tahun_ajaran: string } {
  if (semester === 'Ganjil') return { semester: 'Genap', tahun_ajaran: tahunAjaran };
  const m = TAHUN_AJARAN.exec(tahunAjaran);
  if (!m) throw new RangeError(`tahun_ajaran must be YYYY/YYYY+1, got '${tahunAjaran}'`);
  const start = Number(m[2]);
  return { semester: 'Ganjil', tahun_ajaran: `${start}/${start + 1}` };
}

export function semesterPrediksi(semester: Semester, tahunAjaran: string): SemesterPrediksi {
  const next = nextSemester(semester, tahunAjaran);
  return {
    data_dari_semester: semester,
    data_dari_tahun_ajaran: tahunAjaran,
    prediksi_untuk_semester: next.semester,
    prediksi_untuk_tahun_ajaran: next.tahun_ajaran,
    keterangan: t(
      msg('SEMESTER_KETERANGAN', { next_semester: next.semester, next_tahun_ajaran: next.tahun_ajaran, semester, tahun_ajaran: tahunAjaran }),
    ),
  };
}

/** The school year running on a date (it starts in July), e.g. 2025-03-01 → 2024/2025. */
export function tahunAjaranOn(date: Date): { startYear: number; semester: Semester } {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return month >= 7 ? { startYear: year, semester: 'Ganjil' } : { startYear: year - 1, semester: 'Genap' };
}
