/**
 * Multi-row inserts of generated demo records: each table is ONE statement whose columns travel as
 * arrays (unnest), with the derived fields computed by the same pure functions the record services
 * use, from the deployment's thresholds.
 */
import type { EntityManager } from 'typeorm';
import type { CategoryThresholds } from '../../config/app-config';
import {
  kategoriKehadiran,
  kategoriPenghasilan,
  persentaseKehadiran,
  rataRata,
  totalPenghasilan,
} from '../../common/derived/derived';
import type { DemoNilai, DemoPenghasilan, DemoPresensi, DemoPrestasi, DemoSiswa } from '../demo/demo-generator';
import { SUBJECT_FIELDS } from '../../nilai/nilai-subjects';

type Owned<T> = T & { siswa_id: number };

/** Inserts students; returns their ids in input order (matched back by NIS, which is unique). */
export async function insertSiswa(m: EntityManager, siswa: readonly DemoSiswa[]): Promise<number[]> {
  if (siswa.length === 0) return [];
  const rows = (await m.query(
    `INSERT INTO siswa (nis, nama, kelas, jenis_kelamin, tanggal_lahir, alamat)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[])
     RETURNING id, nis`,
    [
      siswa.map((s) => s.nis),
      siswa.map((s) => s.nama),
      siswa.map((s) => s.kelas),
      siswa.map((s) => s.jenis_kelamin),
      siswa.map((s) => s.tanggal_lahir),
      siswa.map((s) => s.alamat),
    ],
  )) as Array<{ id: number; nis: string }>;
  const byNis = new Map(rows.map((r) => [r.nis, r.id]));
  return siswa.map((s) => byNis.get(s.nis) as number);
}

/** Returns how many rows were inserted (existing student-semesters are left alone). */
export async function insertNilai(m: EntityManager, nilai: ReadonlyArray<Owned<DemoNilai>>): Promise<number> {
  if (nilai.length === 0) return 0;
  const subjectArrays = SUBJECT_FIELDS.map((s) => nilai.map((n) => n[s]));
  const casts = SUBJECT_FIELDS.map((_, i) => `$${i + 4}::float8[]`).join(', ');
  const rows = (await m.query(
    `INSERT INTO nilai_raport (siswa_id, semester, tahun_ajaran, ${SUBJECT_FIELDS.join(', ')}, rata_rata)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], ${casts}, $${SUBJECT_FIELDS.length + 4}::float8[])
     ON CONFLICT (siswa_id, semester, tahun_ajaran) DO NOTHING
     RETURNING id`,
    [
      nilai.map((n) => n.siswa_id),
      nilai.map((n) => n.semester),
      nilai.map((n) => n.tahun_ajaran),
      ...subjectArrays,
      nilai.map((n) => rataRata(SUBJECT_FIELDS.map((s) => n[s]))),
    ],
  )) as unknown[];
  return rows.length;
}

export async function insertPresensi(m: EntityManager, presensi: ReadonlyArray<Owned<DemoPresensi>>, t: CategoryThresholds): Promise<number> {
  if (presensi.length === 0) return 0;
  const persen = presensi.map((p) => persentaseKehadiran(p));
  const rows = (await m.query(
    `INSERT INTO presensi (siswa_id, semester, tahun_ajaran, jumlah_hadir, jumlah_sakit, jumlah_izin, jumlah_alpa, persentase_kehadiran, kategori_kehadiran)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::float8[], $9::text[])
     ON CONFLICT (siswa_id, semester, tahun_ajaran) DO NOTHING
     RETURNING id`,
    [
      presensi.map((p) => p.siswa_id),
      presensi.map((p) => p.semester),
      presensi.map((p) => p.tahun_ajaran),
      presensi.map((p) => p.jumlah_hadir),
      presensi.map((p) => p.jumlah_sakit),
      presensi.map((p) => p.jumlah_izin),
      presensi.map((p) => p.jumlah_alpa),
      persen,
      persen.map((x) => kategoriKehadiran(x, t)),
    ],
  )) as unknown[];
  return rows.length;
}

export async function insertPenghasilan(m: EntityManager, rows: ReadonlyArray<Owned<DemoPenghasilan>>, t: CategoryThresholds): Promise<number> {
  if (rows.length === 0) return 0;
  const totals = rows.map((r) => totalPenghasilan(r.penghasilan_ayah, r.penghasilan_ibu));
  const inserted = (await m.query(
    `INSERT INTO penghasilan_orang_tua (siswa_id, penghasilan_ayah, penghasilan_ibu, pekerjaan_ayah, pekerjaan_ibu, pendidikan_ayah, pendidikan_ibu, total_penghasilan, kategori_penghasilan)
     SELECT * FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[])
     ON CONFLICT (siswa_id) DO NOTHING
     RETURNING id`,
    [
      rows.map((r) => r.siswa_id),
      rows.map((r) => r.penghasilan_ayah),
      rows.map((r) => r.penghasilan_ibu),
      rows.map((r) => r.pekerjaan_ayah),
      rows.map((r) => r.pekerjaan_ibu),
      rows.map((r) => r.pendidikan_ayah),
      rows.map((r) => r.pendidikan_ibu),
      totals,
      totals.map((x) => kategoriPenghasilan(x, t)),
    ],
  )) as unknown[];
  return inserted.length;
}

export async function insertPrestasi(m: EntityManager, prestasi: ReadonlyArray<Owned<DemoPrestasi>>): Promise<number> {
  if (prestasi.length === 0) return 0;
  const rows = (await m.query(
    `INSERT INTO prestasi (siswa_id, semester, tahun_ajaran, kategori, catatan)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (siswa_id, semester, tahun_ajaran) DO NOTHING
     RETURNING id`,
    [
      prestasi.map((p) => p.siswa_id),
      prestasi.map((p) => p.semester),
      prestasi.map((p) => p.tahun_ajaran),
      prestasi.map((p) => p.kategori),
      prestasi.map((p) => p.catatan),
    ],
  )) as unknown[];
  return rows.length;
}
