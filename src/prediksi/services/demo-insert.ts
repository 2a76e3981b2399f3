/**
 * Multi-row inserts of generated demo records: each table is ONE statement whose columns travel as
 * arrays (unnest), with the derived fields computed by the same pure functions the record services
 * use, from the deployment's thresholds.
 */
import type { EntityManager } from 'typeorm';
import type { CategoryThresholds } from '../../config/app-config';
import { kategoriKehadiran, kategoriPenghasilan, persentaseKehadiran, rataRata, totalPenghasilan } from '../../common/derived/derived';
import type { DemoNilai, DemoPenghasilan, DemoPresensi, DemoPrestasi, DemoSiswa } from '../demo/demo-generator';
import { SUBJECT_FIELDS } from '../../nilai/nilai-subjects';

type Owned<T> = T & { siswa_id: number };

/** A whole column of the insert: its name, its PostgreSQL type and the values, one per row. */
type Column = readonly [name: string, type: string, values: readonly unknown[]];

/** The columns `names` of `rows`, taken as they are, all of one type. */
function columns<R>(rows: readonly R[], type: string, names: ReadonlyArray<keyof R & string>): Column[] {
  return names.map((name) => [name, type, rows.map((r) => r[name])] as const);
}

/** The key of a student's per-semester row. */
function semesterKey(rows: ReadonlyArray<Owned<{ semester: string; tahun_ajaran: string }>>): Column[] {
  return [...columns(rows, 'int', ['siswa_id']), ...columns(rows, 'text', ['semester', 'tahun_ajaran'])];
}

/** `INSERT INTO table (…) SELECT * FROM unnest($1::type[], …) <tail>`: one statement for every row. */
async function insertColumns<R>(m: EntityManager, table: string, cols: readonly Column[], tail: string): Promise<R[]> {
  const names = cols.map(([name]) => name).join(', ');
  const arrays = cols.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return (await m.query(
    `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${tail}`,
    cols.map(([, , values]) => values),
  )) as R[];
}

/** Inserts students; returns their ids in input order (matched back by NIS, which is unique). */
export async function insertSiswa(m: EntityManager, siswa: readonly DemoSiswa[]): Promise<number[]> {
  if (siswa.length === 0) return [];
  const cols = [...columns(siswa, 'text', ['nis', 'nama', 'kelas', 'jenis_kelamin']), ...columns(siswa, 'date', ['tanggal_lahir']), ...columns(siswa, 'text', ['alamat'])];
  const rows = await insertColumns<{ id: number; nis: string }>(m, 'siswa', cols, 'RETURNING id, nis');
  const byNis = new Map(rows.map((r) => [r.nis, r.id]));
  return siswa.map((s) => byNis.get(s.nis) as number);
}

const NEW_SEMESTER_ROWS = 'ON CONFLICT (siswa_id, semester, tahun_ajaran) DO NOTHING RETURNING id';

/** Returns how many rows were inserted (existing student-semesters are left alone). */
export async function insertNilai(m: EntityManager, nilai: ReadonlyArray<Owned<DemoNilai>>): Promise<number> {
  if (nilai.length === 0) return 0;
  const rataRataColumn: Column = ['rata_rata', 'float8', nilai.map((n) => rataRata(SUBJECT_FIELDS.map((s) => n[s])))];
  const cols = [...semesterKey(nilai), ...columns(nilai, 'float8', SUBJECT_FIELDS), rataRataColumn];
  return (await insertColumns(m, 'nilai_raport', cols, NEW_SEMESTER_ROWS)).length;
}

export async function insertPresensi(m: EntityManager, presensi: ReadonlyArray<Owned<DemoPresensi>>, t: CategoryThresholds): Promise<number> {
  if (presensi.length === 0) return 0;
  const persen = presensi.map((p) => persentaseKehadiran(p));
  const cols: Column[] = [
    ...semesterKey(presensi),
    ...columns(presensi, 'int', ['jumlah_hadir', 'jumlah_sakit', 'jumlah_izin', 'jumlah_alpa']),
    ['persentase_kehadiran', 'float8', persen],
    ['kategori_kehadiran', 'text', persen.map((x) => kategoriKehadiran(x, t))],
  ];
  return (await insertColumns(m, 'presensi', cols, NEW_SEMESTER_ROWS)).length;
}

export async function insertPenghasilan(m: EntityManager, rows: ReadonlyArray<Owned<DemoPenghasilan>>, t: CategoryThresholds): Promise<number> {
  if (rows.length === 0) return 0;
  const totals = rows.map((r) => totalPenghasilan(r.penghasilan_ayah, r.penghasilan_ibu));
  const cols: Column[] = [
    ...columns(rows, 'int', ['siswa_id']),
    ...columns(rows, 'bigint', ['penghasilan_ayah', 'penghasilan_ibu']),
    ...columns(rows, 'text', ['pekerjaan_ayah', 'pekerjaan_ibu', 'pendidikan_ayah', 'pendidikan_ibu']),
    ['total_penghasilan', 'bigint', totals],
    ['kategori_penghasilan', 'text', totals.map((x) => kategoriPenghasilan(x, t))],
  ];
  return (await insertColumns(m, 'penghasilan_orang_tua', cols, 'ON CONFLICT (siswa_id) DO NOTHING RETURNING id')).length;
}

export async function insertPrestasi(m: EntityManager, prestasi: ReadonlyArray<Owned<DemoPrestasi>>): Promise<number> {
  if (prestasi.length === 0) return 0;
  const cols = [...semesterKey(prestasi), ...columns(prestasi, 'text', ['kategori', 'catatan'])];
  return (await insertColumns(m, 'prestasi', cols, NEW_SEMESTER_ROWS)).length;
}
