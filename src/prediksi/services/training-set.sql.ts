/**
 * The join every model query shares: one row per student-semester that has nilai and presensi for
 * the same (siswa, semester, tahun_ajaran) and the student's penghasilan, with the observed
 * achievement (prestasi) of that semester when one was recorded. Unique keys on each table make it
 * one row per student-semester, never a cross product.
 */
export const STUDENT_SEMESTER_FROM = `
  FROM nilai_raport n
  JOIN siswa s ON s.id = n.siswa_id
  JOIN presensi p ON p.siswa_id = n.siswa_id AND p.semester = n.semester AND p.tahun_ajaran = n.tahun_ajaran
  JOIN penghasilan_orang_tua o ON o.siswa_id = n.siswa_id
  LEFT JOIN prestasi pr ON pr.siswa_id = n.siswa_id AND pr.semester = n.semester AND pr.tahun_ajaran = n.tahun_ajaran`;
