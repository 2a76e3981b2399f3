import type { EntityManager } from 'typeorm';
import { FEATURE_CATALOGUE, FEATURE_NAMES } from '../domain/feature-catalogue';
import type { TeacherScope } from '../../scope/teacher-scope';

/** One student's records for one semester, with what is missing flagged rather than dropped. */
export interface StudentFeatureRow {
  siswa_id: number;
  nama: string;
  kelas: string;
  has_nilai: boolean;
  has_presensi: boolean;
  has_penghasilan: boolean;
  [feature: string]: number | string | boolean | null;
}

const featureColumns = FEATURE_NAMES.map((f) => `${FEATURE_CATALOGUE[f].sql} AS "${f}"`).join(',\n    ');

/**
 * Students (one, or all / one kelas, within the teacher scope's reach) LEFT JOINed to their nilai and presensi of the semester and
 * their penghasilan: ONE query whatever the number of students, and a missing record shows up as a
 * false flag that the caller turns into a 404 or a batch error naming it.
 */
export async function loadStudentFeatures(
  m: EntityManager,
  filter: { siswaId?: number; kelas?: string },
  semester: string,
  tahunAjaran: string,
  scope: TeacherScope,
): Promise<StudentFeatureRow[]> {
  const params: unknown[] = [semester, tahunAjaran];
  let where = `WHERE ${scope.sqlCondition('s.id', params)}`;
  if (filter.siswaId !== undefined) {
    params.push(filter.siswaId);
    where += ` AND s.id = $${params.length}`;
  } else if (filter.kelas !== undefined) {
    params.push(filter.kelas);
    where += ` AND s.kelas = $${params.length}`;
  }
  return m.query(
    `SELECT s.id AS siswa_id, s.nama, s.kelas,
    n.id IS NOT NULL AS has_nilai, p.id IS NOT NULL AS has_presensi, o.id IS NOT NULL AS has_penghasilan,
    ${featureColumns}
  FROM siswa s
  LEFT JOIN nilai_raport n ON n.siswa_id = s.id AND n.semester = $1 AND n.tahun_ajaran = $2
  LEFT JOIN presensi p ON p.siswa_id = s.id AND p.semester = $1 AND p.tahun_ajaran = $2
  LEFT JOIN penghasilan_orang_tua o ON o.siswa_id = s.id
  ${where}
  ORDER BY s.id`,
    params,
  );
}

/** What is missing for a student in that semester, in words ('nilai', 'presensi', 'penghasilan'). */
export function missingParts(row: StudentFeatureRow): string[] {
  const missing: string[] = [];
  if (!row.has_nilai) missing.push('nilai');
  if (!row.has_presensi) missing.push('presensi');
  if (!row.has_penghasilan) missing.push('penghasilan');
  return missing;
}
