import { Client } from 'pg';
import { SUBJECT_FIELDS } from '../../src/nilai/nilai-subjects';

const SUBJECTS = [...SUBJECT_FIELDS];

/**
 * A school for the early-warning benchmark, built in SQL: `students` students with two semesters
 * (2024/2025 Ganjil and Genap) of grades, attendance and observed prestasi, and their income. Each
 * student has an ability; each semester's scores scatter around it and the second one drifts, so
 * some grades and attendance fall. Seeded (setseed), so every run builds the same school.
 */
export async function seedWarningSchool(databaseUrl: string, students: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('SELECT setseed(0.14)');
    await db.query(
      `INSERT INTO siswa (nis, nama, kelas, jenis_kelamin, tanggal_lahir)
       SELECT 'W' || lpad(i::text, 7, '0'), 'Siswa Bench ' || i, (ARRAY['X','XI','XII'])[1 + i % 3] || ' IPA ' || (1 + i % 8),
              CASE WHEN i % 2 = 0 THEN 'L' ELSE 'P' END, date '2008-01-01' + (i % 700)
       FROM generate_series(1, $1) AS i`,
      [students],
    );
    await db.query(`CREATE TEMP TABLE ability AS SELECT id AS siswa_id, 55 + random() * 40 AS base, random() AS hadir FROM siswa`);
    for (const [semester, drift] of [['Ganjil', 0], ['Genap', 1]] as const) {
      const scores = SUBJECTS.map(() => `least(100, greatest(0, round((a.base + ${drift} * (random() * 12 - 7) + random() * 16 - 8)::numeric, 0)))`);
      await db.query(
        `INSERT INTO nilai_raport (siswa_id, semester, tahun_ajaran, ${SUBJECTS.join(', ')}, rata_rata)
         SELECT siswa_id, '${semester}', '2024/2025', ${SUBJECTS.map((s) => `v.${s}`).join(', ')}, (${SUBJECTS.map((s) => `v.${s}`).join(' + ')}) / 11.0
         FROM ability a CROSS JOIN LATERAL (SELECT ${scores.map((e, i) => `${e}::float8 AS ${SUBJECTS[i]}`).join(', ')}) v`,
      );
      await db.query(
        `INSERT INTO presensi (siswa_id, semester, tahun_ajaran, jumlah_hadir, jumlah_sakit, jumlah_izin, jumlah_alpa, persentase_kehadiran, kategori_kehadiran)
         SELECT siswa_id, '${semester}', '2024/2025', h, 2, 2, 96 - h, h, CASE WHEN h >= 80 THEN 'Tinggi' WHEN h >= 75 THEN 'Sedang' ELSE 'Rendah' END
         FROM (SELECT siswa_id, (66 + a.hadir * 30 - ${drift} * random() * 8)::int AS h FROM ability a) x`,
      );
      await db.query(
        `INSERT INTO prestasi (siswa_id, semester, tahun_ajaran, kategori)
         SELECT n.siswa_id, '${semester}', '2024/2025',
                CASE WHEN n.rata_rata + (random() * 6 - 3) >= 80 AND p.persentase_kehadiran >= 78 THEN 'Tinggi'
                     WHEN n.rata_rata + (random() * 6 - 3) >= 68 THEN 'Sedang' ELSE 'Rendah' END
         FROM nilai_raport n JOIN presensi p USING (siswa_id, semester, tahun_ajaran) WHERE n.semester = '${semester}'`,
      );
    }
    await db.query(
      `INSERT INTO penghasilan_orang_tua (siswa_id, penghasilan_ayah, penghasilan_ibu, total_penghasilan, kategori_penghasilan)
       SELECT siswa_id, t / 2, t - t / 2, t, CASE WHEN t >= 5000000 THEN 'Tinggi' WHEN t >= 2300000 THEN 'Menengah' ELSE 'Rendah' END
       FROM (SELECT siswa_id, (1000000 + random() * 7000000)::bigint AS t FROM ability) x`,
    );
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
}

