import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
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
 * false flag that the caller turns into a 404 or a batch error naming it. A prepared statement per
 * filter shape: the single prediction runs it on every request.
 */
export async function loadStudentFeatures(
  dataSource: DataSource,
  filter: { siswaId?: number; kelas?: string },
  semester: string,
  tahunAjaran: string,
  scope: TeacherScope,
): Promise<StudentFeatureRow[]> {
  const params: unknown[] = [semester, tahunAjaran];
  // The scope's condition is part of the statement's text, so a restricted scope is its own prepared shape.
  let where = `WHERE ${scope.sqlCondition('s.id', params)}`;
  let shape = scope.restricted ? 'scoped_all' : 'all';
  if (filter.siswaId !== undefined) {
    params.push(filter.siswaId);
    where += ` AND s.id = $${params.length}`;
    shape = shape.replace('all', 'one');
  } else if (filter.kelas !== undefined) {
    params.push(filter.kelas);
    where += ` AND s.kelas = $${params.length}`;
    shape = shape.replace('all', 'kelas');
  }
  return preparedQuery<StudentFeatureRow>(dataSource, `student_features_${shape}`, featuresSql(where, 'ORDER BY s.id'), params);
}

/**
 * One page of the students (all, or one kelas, within the scope's reach) with an id above `afterId`,
 * in id order: a batch over a district (300,000 students) reads them page by page (keyset), so the
 * process never holds more than one page of rows. Not a named statement on purpose: each page is
 * planned with its own bounds (a nested loop over the unique indexes for `limit` students), where a
 * generic plan could hash-join every nilai row for every page.
 */
export async function loadStudentFeaturesPage(
  dataSource: DataSource,
  filter: { kelas?: string },
  semester: string,
  tahunAjaran: string,
  scope: TeacherScope,
  page: { afterId: number; limit: number },
): Promise<StudentFeatureRow[]> {
  const params: unknown[] = [semester, tahunAjaran];
  let where = `WHERE ${scope.sqlCondition('s.id', params)}`;
  if (filter.kelas !== undefined) {
    params.push(filter.kelas);
    where += ` AND s.kelas = $${params.length}`;
  }
  params.push(page.afterId, page.limit);
  where += ` AND s.id > $${params.length - 1}`;
  return (await dataSource.query(featuresSql(where, `ORDER BY s.id LIMIT $${params.length}`), params)) as StudentFeatureRow[];
}

function featuresSql(where: string, tail: string): string {
  return `SELECT s.id AS siswa_id, s.nama, s.kelas,
    n.id IS NOT NULL AS has_nilai, p.id IS NOT NULL AS has_presensi, o.id IS NOT NULL AS has_penghasilan,
    ${featureColumns}
  FROM siswa s
  LEFT JOIN nilai_raport n ON n.siswa_id = s.id AND n.semester = $1 AND n.tahun_ajaran = $2
  LEFT JOIN presensi p ON p.siswa_id = s.id AND p.semester = $1 AND p.tahun_ajaran = $2
  LEFT JOIN penghasilan_orang_tua o ON o.siswa_id = s.id
  ${where}
  ${tail}`;
}

/** What is missing for a student in that semester, in words ('nilai', 'presensi', 'penghasilan'). */
export function missingParts(row: StudentFeatureRow): string[] {
  const missing: string[] = [];
  if (!row.has_nilai) missing.push('nilai');
  if (!row.has_presensi) missing.push('presensi');
  if (!row.has_penghasilan) missing.push('penghasilan');
  return missing;
}
