import type { TeacherScope } from '../scope/teacher-scope';
import type { EntityManager } from 'typeorm';
import { FEATURE_CATALOGUE, FEATURE_NAMES } from '../prediksi/domain/feature-catalogue';

/** Which students and which semester the list is about. */
export interface PeringatanFilter {
  tahun_ajaran?: string;
  semester?: string;
  rombel_id?: number;
  kelas?: string;
}

/** One student's features of the semester predicted from, the previous semester's and the last prestasi. */
export interface PeringatanRow {
  siswa_id: number;
  nama: string;
  nis: string;
  kelas: string;
  semester: string;
  tahun_ajaran: string;
  prev_rata_rata: number | null;
  prev_persentase_kehadiran: number | null;
  prev_kategori_kehadiran: string | null;
  prestasi_terakhir: string | null;
  [feature: string]: number | string | null;
}

const featureColumns = FEATURE_NAMES.map((f) => `${FEATURE_CATALOGUE[f].sql} AS "${f}"`).join(',\n    ');

/**
 * The whole school's (or one rombel's / kelas') early-warning input in ONE query: for every active
 * student the latest semester with both nilai and presensi (within `tahun_ajaran` / `semester` when
 * given), its features under the catalogue's names (aliases n, p, o as everywhere), the calendar
 * semester before it, and the latest prestasi at or before it. `'Genap' > 'Ganjil'`, so ordering
 * by (tahun_ajaran, semester) is chronological.
 */
export async function loadPeringatanRows(m: EntityManager, filter: PeringatanFilter, scope: TeacherScope): Promise<PeringatanRow[]> {
  const params: unknown[] = [filter.tahun_ajaran ?? null, filter.semester ?? null];
  const where: string[] = [`s.status = 'aktif'`];
  if (filter.kelas !== undefined) {
    params.push(filter.kelas);
    where.push(`s.kelas = $${params.length}`);
  }
  if (filter.rombel_id !== undefined) {
    params.push(filter.rombel_id);
    where.push(`EXISTS (SELECT 1 FROM rombel_siswa rs WHERE rs.siswa_id = s.id AND rs.rombel_id = $${params.length})`);
  }
  // GURU_SCOPE=class: only the students in the guru's reach (TRUE for everyone else).
  where.push(scope.sqlCondition('s.id', params));
  return m.query(
    `WITH cur AS (
      SELECT DISTINCT ON (n.siswa_id) n.siswa_id, n.semester, n.tahun_ajaran,
        CASE WHEN n.semester = 'Genap' THEN 'Ganjil' ELSE 'Genap' END AS prev_semester,
        CASE WHEN n.semester = 'Genap' THEN n.tahun_ajaran
          ELSE (split_part(n.tahun_ajaran, '/', 1)::int - 1)::text || '/' || split_part(n.tahun_ajaran, '/', 1) END AS prev_tahun_ajaran
      FROM nilai_raport n
      JOIN presensi p ON p.siswa_id = n.siswa_id AND p.semester = n.semester AND p.tahun_ajaran = n.tahun_ajaran
      WHERE ($1::text IS NULL OR n.tahun_ajaran = $1) AND ($2::text IS NULL OR n.semester = $2)
      ORDER BY n.siswa_id, n.tahun_ajaran DESC, n.semester DESC
    )
    SELECT s.id AS siswa_id, s.nama, s.nis, s.kelas, c.semester, c.tahun_ajaran,
    ${featureColumns},
    pn.rata_rata AS prev_rata_rata, pp.persentase_kehadiran AS prev_persentase_kehadiran, pp.kategori_kehadiran AS prev_kategori_kehadiran,
    lp.kategori AS prestasi_terakhir
    FROM cur c
    JOIN siswa s ON s.id = c.siswa_id
    JOIN nilai_raport n ON n.siswa_id = c.siswa_id AND n.semester = c.semester AND n.tahun_ajaran = c.tahun_ajaran
    JOIN presensi p ON p.siswa_id = c.siswa_id AND p.semester = c.semester AND p.tahun_ajaran = c.tahun_ajaran
    LEFT JOIN penghasilan_orang_tua o ON o.siswa_id = c.siswa_id
    LEFT JOIN nilai_raport pn ON pn.siswa_id = c.siswa_id AND pn.semester = c.prev_semester AND pn.tahun_ajaran = c.prev_tahun_ajaran
    LEFT JOIN presensi pp ON pp.siswa_id = c.siswa_id AND pp.semester = c.prev_semester AND pp.tahun_ajaran = c.prev_tahun_ajaran
    LEFT JOIN LATERAL (
      SELECT pr.kategori FROM prestasi pr
      WHERE pr.siswa_id = c.siswa_id AND (pr.tahun_ajaran, pr.semester) <= (c.tahun_ajaran, c.semester)
      ORDER BY pr.tahun_ajaran DESC, pr.semester DESC LIMIT 1
    ) lp ON true
    WHERE ${where.join(' AND ')}
    ORDER BY s.id`,
    params,
  );
}
