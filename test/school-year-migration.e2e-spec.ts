import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { SchoolYear1764231500000 } from '../migrations/1764231500000-SchoolYear';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { generateDemoSchool } from '../src/prediksi/demo/demo-generator';
import { insertNilai, insertPenghasilan, insertPresensi, insertPrestasi, insertSiswa } from '../src/prediksi/services/demo-insert';
import { withDatabase } from './setup/pg-url';

const THRESHOLDS = { attendanceHighMin: 80, attendanceMediumMin: 75, incomeHighMin: 5_000_000, incomeMediumMin: 2_300_000 };
const MY_TABLES = /"(tahun_ajaran|kkm_mapel|rombel|rombel_siswa|penugasan)"|_nisn|_status|uq_tahun_ajaran_aktif/;

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function source(url: string, migrations: unknown[]): DataSource {
  return new DataSource({ ...buildDataSourceOptions({ url }), migrations: migrations as never });
}

/** Today's schema with today's demo school, brought forward by migration 1764231500000 without loss. */
describe('Migration SchoolYear1764231500000 on a database with data (e2e)', () => {
  const name = `edupro_test_sy_${process.pid}_${randomBytes(3).toString('hex')}`;
  let url: string;
  let ds: DataSource;
  const before: Record<string, number> = {};

  beforeAll(async () => {
    await admin(`CREATE DATABASE "${name}"`);
    url = withDatabase(process.env.TEST_PG_ADMIN_URL as string, name);
    const index = MIGRATIONS.indexOf(SchoolYear1764231500000);
    expect(index).toBeGreaterThan(0);
    const old = source(url, MIGRATIONS.slice(0, index));
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const school = generateDemoSchool({ seed: 7, students: 60, semesters: 4, startYear: 2023 });
    await old.transaction(async (m) => {
      const ids = await insertSiswa(m, school.siswa);
      const all = <T>(pick: (h: (typeof school.perStudent)[number]) => T[]): Array<T & { siswa_id: number }> =>
        school.perStudent.flatMap((h, i) => pick(h).map((r) => ({ ...r, siswa_id: ids[i] })));
      await insertNilai(
        m,
        all((h) => h.nilai),
      );
      await insertPresensi(
        m,
        all((h) => h.presensi),
        THRESHOLDS,
      );
      await insertPenghasilan(
        m,
        school.perStudent.map((h, i) => ({ ...h.penghasilan, siswa_id: ids[i] })),
        THRESHOLDS,
      );
      await insertPrestasi(
        m,
        all((h) => h.prestasi),
      );
    });
    for (const table of ['siswa', 'nilai_raport', 'presensi', 'penghasilan_orang_tua', 'prestasi']) {
      const [{ n }] = (await old.query(`SELECT count(*)::int AS n FROM ${table}`)) as Array<{ n: number }>;
      before[table] = n;
    }
    await old.destroy();

    ds = source(url, MIGRATIONS);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await ds?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('keeps every row and makes every student aktif without a NISN', async () => {
    for (const [table, n] of Object.entries(before)) {
      const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM ${table}`)) as Array<{ count: number }>;
      expect({ table, count }).toEqual({ table, count: n });
    }
    expect(before.nilai_raport).toBeGreaterThan(100);
    await expect(ds.query(`SELECT status, count(*)::int AS n, count(nisn)::int AS nisn FROM siswa GROUP BY status`)).resolves.toEqual([
      { status: 'aktif', n: before.siswa, nisn: 0 },
    ]);
  });

  it('creates the years of the data, the latest active in its latest semester', async () => {
    const years = (await ds.query(
      `SELECT nama, mulai::text, selesai::text, aktif, semester_aktif FROM tahun_ajaran ORDER BY nama`,
    )) as unknown[];
    expect(years).toEqual([
      { nama: '2023/2024', mulai: '2023-07-01', selesai: '2024-06-30', aktif: false, semester_aktif: 'Genap' },
      { nama: '2024/2025', mulai: '2024-07-01', selesai: '2025-06-30', aktif: true, semester_aktif: 'Genap' },
    ]);
  });

  it('from then on refuses records of a year that does not exist', async () => {
    const [{ id }] = (await ds.query('SELECT min(id) AS id FROM siswa')) as Array<{ id: number }>;
    await expect(
      ds.query(`INSERT INTO prestasi (siswa_id, semester, tahun_ajaran, kategori) VALUES ($1, 'Ganjil', '2030/2031', 'Tinggi')`, [id]),
    ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'ck_prestasi_tahun_ajaran_exists' } });
  });

  it('leaves nothing of its own for the schema builder to change (entities declare its constraints)', async () => {
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query).filter((q) => MY_TABLES.test(q))).toEqual([]);
  });

  it('reverts cleanly', async () => {
    // Later migrations first (each reverts its own change), then this one.
    for (let i = MIGRATIONS.length - 1; i >= MIGRATIONS.indexOf(SchoolYear1764231500000); i--) await ds.undoLastMigration({ transaction: 'each' });
    await expect(ds.query(`SELECT to_regclass('tahun_ajaran') AS t`)).resolves.toEqual([{ t: null }]);
    const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM nilai_raport')) as Array<{ n: number }>;
    expect(n).toBe(before.nilai_raport);
    await ds.runMigrations({ transaction: 'each' });
  });
});
