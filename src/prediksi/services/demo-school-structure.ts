import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PasswordService } from '../../auth/password.service';
import { SUBJECTS } from '../../nilai/nilai-subjects';
import { normalizeUsername } from '../../auth/username';

const ROMAN: Record<string, number> = { VII: 7, VIII: 8, IX: 9, X: 10, XI: 11, XII: 12 };
const ROMAN_OF = Object.fromEntries(Object.entries(ROMAN).map(([k, v]) => [v, k]));
const GURU_NAMES = [
  'Siti Rahmawati, S.Pd.',
  'Budi Santoso, S.Pd.',
  'Dewi Lestari, M.Pd.',
  'Agus Prasetyo, S.Pd.',
  'Rina Wulandari, S.Si.',
  'Hendra Gunawan, S.Pd.',
  'Nur Aini, S.Ag.',
  'Eko Wahyudi, S.Or.',
  'Sri Mulyani, S.Pd.',
  'Joko Susilo, S.Kom.',
  'Ratna Sari, S.Sn.',
  'Yusuf Hidayat, M.Pd.',
];
export const DEMO_SEKOLAH = {
  nama_sekolah: 'SMA Negeri 1 Nusantara (demo)',
  npsn: '20500001',
  alamat: 'Jl. Pendidikan No. 1',
  kota: 'Surabaya',
  kepala_sekolah: 'Drs. H. Sutrisno, M.Pd.',
  nip_kepala_sekolah: '196805121994031007',
};

export interface DemoGuru {
  username: string;
  password: string;
}

export interface DemoStructure {
  tahun_ajaran: number;
  rombel: number;
  guru: DemoGuru[];
  penugasan: number;
}

/** `XI IPA 2` → tingkat 11 and `XI IPA 2` one year earlier = `X IPA 2`. */
function parseKelas(kelas: string): { tingkat: number; rest: string } | undefined {
  const [head, ...rest] = kelas.split(' ');
  const tingkat = ROMAN[head];
  return tingkat ? { tingkat, rest: rest.join(' ') } : undefined;
}

/**
 * The school around the demo students (issue #13): its years (the latest active), rombels per
 * tingkat with wali kelas, guru accounts teaching every subject of the latest year's rombels, every
 * student placed year by year (promoted `naik` out of each earlier year) and the school's identity.
 * Runs only on a school without years (the first start); returns the guru passwords, to print once.
 */
export async function insertDemoStructure(m: EntityManager): Promise<DemoStructure | null> {
  const [{ any }] = (await m.query('SELECT EXISTS (SELECT 1 FROM tahun_ajaran) AS any')) as Array<{ any: boolean }>;
  if (any) return null;
  await m.query(`
    WITH used AS (SELECT tahun_ajaran, semester FROM nilai_raport UNION SELECT tahun_ajaran, semester FROM presensi),
         years AS (SELECT tahun_ajaran AS nama, bool_or(semester = 'Genap') AS genap FROM used GROUP BY tahun_ajaran)
    INSERT INTO tahun_ajaran (nama, mulai, selesai, aktif, semester_aktif)
    SELECT nama, make_date(substr(nama, 1, 4)::int, 7, 1), make_date(substr(nama, 6, 4)::int, 6, 30),
           nama = (SELECT max(nama) FROM years), CASE WHEN genap THEN 'Genap' ELSE 'Ganjil' END
    FROM years`);
  const years = (await m.query('SELECT id, nama FROM tahun_ajaran ORDER BY nama DESC')) as Array<{ id: number; nama: string }>;
  if (years.length === 0) return null;
  const students = (await m.query('SELECT id, kelas FROM siswa ORDER BY id')) as Array<{ id: number; kelas: string }>;

  // Rombels: the latest year's are the students' kelas; each earlier year holds the same classes one tingkat down.
  const rombelIds = new Map<string, number>();
  const members: Array<{ rombel: string; year: number; siswa: number; keputusan: string | null }> = [];
  for (const s of students) {
    const k = parseKelas(s.kelas);
    if (!k) continue;
    years.forEach((y, back) => {
      const tingkat = k.tingkat - back;
      if (!ROMAN_OF[tingkat] || tingkat < 10) return;
      const nama = `${ROMAN_OF[tingkat]}${k.rest ? ` ${k.rest}` : ''}`;
      rombelIds.set(`${y.id}|${nama}`, 0);
      members.push({ rombel: `${y.id}|${nama}`, year: y.id, siswa: s.id, keputusan: back === 0 ? null : 'naik' });
    });
  }
  const rombelKeys = [...rombelIds.keys()].sort();
  const gurus = await insertGurus(
    m,
    Math.min(GURU_NAMES.length, Math.max(1, rombelKeys.filter((k) => k.startsWith(`${years[0].id}|`)).length)),
  );
  const inserted = (await m.query(
    `INSERT INTO rombel (nama, tingkat, jurusan, tahun_ajaran_id, wali_kelas_id)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::int[], $5::int[]) RETURNING id, nama, tahun_ajaran_id`,
    [
      rombelKeys.map((k) => k.split('|')[1]),
      rombelKeys.map((k) => parseKelas(k.split('|')[1])?.tingkat ?? 10),
      rombelKeys.map((k) => k.split('|')[1].split(' ')[1] ?? null),
      rombelKeys.map((k) => Number(k.split('|')[0])),
      rombelKeys.map((_, i) => (gurus.length ? gurus[i % gurus.length].id : null)),
    ],
  )) as Array<{ id: number; nama: string; tahun_ajaran_id: number }>;
  for (const r of inserted) rombelIds.set(`${r.tahun_ajaran_id}|${r.nama}`, r.id);
  await m.query(
    `INSERT INTO rombel_siswa (rombel_id, tahun_ajaran_id, siswa_id, keputusan) SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[])`,
    [members.map((x) => rombelIds.get(x.rombel)), members.map((x) => x.year), members.map((x) => x.siswa), members.map((x) => x.keputusan)],
  );

  // Every subject of every rombel of the latest year is taught by one of the gurus.
  const latest = inserted.filter((r) => r.tahun_ajaran_id === years[0].id);
  const assignments = (gurus.length ? latest : []).flatMap((r, i) =>
    SUBJECTS.map((s, j) => ({ rombel: r.id, mapel: s.field, guru: gurus[(i + j) % gurus.length].id })),
  );
  await m.query(`INSERT INTO penugasan (guru_id, rombel_id, mapel) SELECT * FROM unnest($1::int[], $2::int[], $3::text[])`, [
    assignments.map((a) => a.guru),
    assignments.map((a) => a.rombel),
    assignments.map((a) => a.mapel),
  ]);
  await m.query(`INSERT INTO app_setting (key, value) VALUES ('sekolah', $1) ON CONFLICT (key) DO NOTHING`, [JSON.stringify(DEMO_SEKOLAH)]);
  return {
    tahun_ajaran: years.length,
    rombel: inserted.length,
    guru: gurus.map(({ username, password }) => ({ username, password })),
    penugasan: assignments.length,
  };
}

/** An 18-digit NIP of the civil-service shape (birth date, appointment month, sex, number) for the report cards. */
const demoNip = (i: number): string =>
  `19${80 + i}${String((i % 12) + 1).padStart(2, '0')}15200501${i % 2 ? 2 : 1}${String(i + 1).padStart(3, '0')}`;

async function insertGurus(m: EntityManager, count: number): Promise<Array<DemoGuru & { id: number }>> {
  const passwords = new PasswordService();
  const out: Array<DemoGuru & { id: number }> = [];
  for (let i = 0; i < count; i++) {
    const username = `guru${String(i + 1).padStart(2, '0')}`;
    const password = randomBytes(9).toString('base64url');
    const [row] = (await m.query(
      `INSERT INTO users (username, username_normalized, email, password_hash, role, profile, is_active)
       VALUES ($1, $2, $3, $4, 'guru', $5, true) ON CONFLICT DO NOTHING RETURNING id`,
      [
        username,
        normalizeUsername(username),
        `${username}@demo.edupro.local`,
        await passwords.hash(password),
        JSON.stringify({ nama_lengkap: GURU_NAMES[i], jabatan: 'Guru', nip: demoNip(i) }),
      ],
    )) as Array<{ id: number }>;
    if (row) out.push({ username, password, id: row.id });
  }
  return out;
}

/** The guru accounts' passwords, printed once to the console (like the first admin's), never logged. */
export function printDemoGurus(gurus: DemoGuru[]): void {
  const shown = gurus.filter((g) => g.username);
  if (shown.length === 0) return;
  const line = '='.repeat(64);
  process.stdout.write(
    `\n${line}\n  EduPro demo school: guru accounts (wali kelas, teaching assignments)\n` +
      shown.map((g) => `  ${g.username.padEnd(10)} ${g.password}`).join('\n') +
      `\n  These passwords are shown only once.\n${line}\n\n`,
  );
}
