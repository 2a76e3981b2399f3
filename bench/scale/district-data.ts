import { clamp, createRng, pick } from '../../src/prediksi/demo/prng';

/**
 * The rows of a generated district, as COPY text (tab-separated, `\N` for NULL), produced lazily in
 * chunks so any size streams in constant memory. Deterministic (seeded), so two runs build the same
 * data. Students are grouped in schools of 1,000 with classes of ~33; their marks, attendance and
 * family income drive their prestasi label, so training finds a real tree.
 */

export const STUDENTS_PER_SCHOOL = 1000;
export const SEMESTERS = [
  { tahunAjaran: '2023/2024', semester: 'Ganjil' },
  { tahunAjaran: '2023/2024', semester: 'Genap' },
  { tahunAjaran: '2024/2025', semester: 'Ganjil' },
  { tahunAjaran: '2024/2025', semester: 'Genap' },
  { tahunAjaran: '2025/2026', semester: 'Ganjil' },
  { tahunAjaran: '2025/2026', semester: 'Genap' },
] as const;
export const SUBJECTS = ['matematika', 'bahasa_indonesia', 'bahasa_inggris', 'bahasa_jawa', 'ipa', 'agama', 'pjok', 'pkn', 'sejarah', 'seni', 'dasar_kejuruan'];

/** First and middle names; a `search` in the bench is "<first> <middle>" (1 student in 600). */
export const FIRST = ['Agus', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hadi', 'Indah', 'Joko', 'Kartika', 'Lestari', 'Made', 'Nur', 'Putri', 'Rizky', 'Sari', 'Teguh', 'Utami', 'Wahyu', 'Yuni', 'Zaki', 'Ayu', 'Bayu', 'Dian', 'Fitri', 'Galih', 'Hana', 'Intan', 'Kurnia'];
export const MIDDLE = ['Adi', 'Bagus', 'Cahya', 'Dwi', 'Eka', 'Sri', 'Tri', 'Nanda', 'Puspa', 'Rahma', 'Surya', 'Wulan', 'Arif', 'Bintang', 'Mega', 'Ratna', 'Dimas', 'Lintang', 'Asih', 'Gilang'];
export const LAST = ['Saputra', 'Wijaya', 'Santoso', 'Pratama', 'Hidayat', 'Kusuma', 'Nugroho', 'Setiawan', 'Wibowo', 'Susanto', 'Halim', 'Gunawan', 'Suryadi', 'Purnomo', 'Lestiani', 'Maharani', 'Anggraini', 'Permata', 'Ramadhan', 'Firmansyah', 'Kurniawan', 'Syahputra', 'Hartono', 'Budiman', 'Sutrisno', 'Irawan', 'Prasetyo', 'Handoko', 'Wardhana', 'Suharto', 'Mulyadi', 'Rahayu', 'Utomo', 'Yulianto', 'Darmawan', 'Sasmita', 'Hakim', 'Fauzi', 'Iskandar', 'Pangestu'];
const KELAS = ['X', 'XI', 'XII'].flatMap((t) => ['IPA', 'IPS'].flatMap((j) => [1, 2, 3, 4, 5].map((n) => `${t} ${j} ${n}`)));
const PEKERJAAN = ['Petani', 'Buruh', 'Pedagang', 'Guru', 'PNS', 'Wiraswasta', 'Nelayan', 'Karyawan Swasta'];
const PENDIDIKAN = ['SD', 'SMP', 'SMA', 'D3', 'S1', 'S2'];

const prng = createRng;
const round2 = (v: number): number => Math.round(v * 100) / 100;

/** A student's stable traits (ability, attendance, income), derived from the id alone. */
function traits(id: number): { ability: number; diligence: number; income: number } {
  const r = prng(id * 7919);
  return { ability: 55 + r() * 40, diligence: 0.7 + r() * 0.3, income: Math.round(800_000 + r() * r() * 12_000_000) };
}

function* chunked(count: number, row: (i: number) => string, size = 2000): Generator<string> {
  let buf: string[] = [];
  for (let i = 0; i < count; i++) {
    buf.push(row(i));
    if (buf.length === size) {
      yield buf.join('');
      buf = [];
    }
  }
  if (buf.length) yield buf.join('');
}

/** One row per student and semester (nilai, presensi, prestasi): row `i` is student `i / 6 + 1`'s semester `i % 6`. */
function perSemester(students: number, seed: number, row: (id: number, siswaId: number, s: (typeof SEMESTERS)[number], r: () => number) => string): Generator<string> {
  return chunked(students * SEMESTERS.length, (i) =>
    row(i + 1, Math.floor(i / SEMESTERS.length) + 1, SEMESTERS[i % SEMESTERS.length]!, prng(i * seed + 17)),
  );
}

export const SISWA_COLUMNS = 'id, nis, nisn, nama, kelas, jenis_kelamin, tanggal_lahir, alamat, status';
/** Student `id` (1-based): its school is `(id - 1) / 1000`, its class one of 30 in that school. */
export function kelasOf(id: number): string {
  const school = Math.floor((id - 1) / STUDENTS_PER_SCHOOL) + 1;
  return `${KELAS[(id - 1) % KELAS.length]} S${String(school).padStart(3, '0')}`;
}
export function siswaRows(students: number): Generator<string> {
  return chunked(students, (i) => {
    const id = i + 1;
    const r = prng(id);
    const nama = `${pick(r, FIRST)} ${pick(r, MIDDLE)} ${pick(r, LAST)}`;
    const lahir = `${2007 + Math.floor(r() * 4)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    return `${id}\tD${String(id).padStart(7, '0')}\t${String(id).padStart(10, '0')}\t${nama}\t${kelasOf(id)}\t${r() < 0.5 ? 'L' : 'P'}\t${lahir}\tJl. Pendidikan ${id % 200}\taktif\n`;
  });
}

export const NILAI_COLUMNS = `id, siswa_id, semester, tahun_ajaran, ${SUBJECTS.join(', ')}, rata_rata`;
const mark = (r: () => number, ability: number): number => round2(clamp(ability + (r() - 0.5) * 20, 0, 100));
export function nilaiRows(students: number): Generator<string> {
  return perSemester(students, 31, (id, siswaId, s, r) => {
    const ability = traits(siswaId).ability;
    const marks = SUBJECTS.map(() => mark(r, ability));
    const mean = round2(marks.reduce((a, b) => a + b, 0) / marks.length);
    return `${id}\t${siswaId}\t${s.semester}\t${s.tahunAjaran}\t${marks.join('\t')}\t${mean}\n`;
  });
}

export const PRESENSI_COLUMNS = 'id, siswa_id, semester, tahun_ajaran, jumlah_hadir, jumlah_sakit, jumlah_izin, jumlah_alpa, persentase_kehadiran, kategori_kehadiran';
export function presensiRows(students: number): Generator<string> {
  return perSemester(students, 37, (id, siswaId, s, r) => {
    const days = 110;
    const hadir = Math.round(days * clamp(traits(siswaId).diligence + (r() - 0.5) * 0.1, 0.5, 1));
    const rest = days - hadir;
    const sakit = Math.floor(rest * r());
    const izin = Math.floor((rest - sakit) * r());
    const alpa = rest - sakit - izin;
    const pct = round2((hadir / days) * 100);
    const kategori = pct >= 80 ? 'Tinggi' : pct >= 75 ? 'Sedang' : 'Rendah';
    return `${id}\t${siswaId}\t${s.semester}\t${s.tahunAjaran}\t${hadir}\t${sakit}\t${izin}\t${alpa}\t${pct}\t${kategori}\n`;
  });
}

export const PENGHASILAN_COLUMNS = 'id, siswa_id, penghasilan_ayah, penghasilan_ibu, pekerjaan_ayah, pekerjaan_ibu, pendidikan_ayah, pendidikan_ibu, total_penghasilan, kategori_penghasilan';
export function penghasilanRows(students: number): Generator<string> {
  return chunked(students, (i) => {
    const siswaId = i + 1;
    const r = prng(siswaId * 13 + 3);
    const total = traits(siswaId).income;
    const ayah = Math.round(total * (0.5 + r() * 0.5));
    const ibu = total - ayah;
    const kategori = total >= 5_000_000 ? 'Tinggi' : total >= 2_300_000 ? 'Menengah' : 'Rendah';
    return `${siswaId}\t${siswaId}\t${ayah}\t${ibu}\t${pick(r, PEKERJAAN)}\t${pick(r, PEKERJAAN)}\t${pick(r, PENDIDIKAN)}\t${pick(r, PENDIDIKAN)}\t${total}\t${kategori}\n`;
  });
}

export const PRESTASI_COLUMNS = 'id, siswa_id, semester, tahun_ajaran, kategori, catatan';
export function prestasiRows(students: number): Generator<string> {
  return perSemester(students, 41, (id, siswaId, s, r) => {
    const t = traits(siswaId);
    const score = t.ability + (t.diligence - 0.85) * 60 + Math.log10(t.income / 2_000_000) * 5 + (r() - 0.5) * 12;
    const kategori = score >= 82 ? 'Tinggi' : score >= 68 ? 'Sedang' : 'Rendah';
    return `${id}\t${siswaId}\t${s.semester}\t${s.tahunAjaran}\t${kategori}\t\\N\n`;
  });
}

export const EVENT_COLUMNS = 'occurred_at, request_id, category, action, user_id, username, role, method, path, status, duration_ms, ip, user_agent, entity_type, entity_id';
const EVENT_KINDS = [
  { category: 'CRUD', action: 'siswa.list', method: 'GET', path: '/api/siswa', status: 200 },
  { category: 'CRUD', action: 'nilai.list', method: 'GET', path: '/api/nilai', status: 200 },
  { category: 'CRUD', action: 'nilai.update', method: 'PATCH', path: '/api/nilai/', status: 200 },
  { category: 'CRUD', action: 'presensi.create', method: 'POST', path: '/api/presensi', status: 201 },
  { category: 'ML', action: 'prediksi.predict', method: 'POST', path: '/api/prediksi', status: 200 },
  { category: 'AUTH', action: 'auth.login', method: 'POST', path: '/api/auth/login', status: 200 },
  { category: 'AUTH', action: 'auth.login_failed', method: 'POST', path: '/api/auth/login', status: 401 },
  { category: 'FILE', action: 'nilai.export', method: 'GET', path: '/api/nilai/export/csv', status: 200 },
  { category: 'SECURITY', action: 'security.forbidden', method: 'DELETE', path: '/api/siswa/', status: 403 },
];
/** `count` events spread evenly over the `days` before `now`, oldest first. */
export function eventRows(count: number, now: Date, days = 365): Generator<string> {
  const span = days * 86_400_000;
  const start = now.getTime() - span;
  return chunked(count, (i) => {
    const r = prng(i * 53 + 7);
    const k = pick(r, EVENT_KINDS);
    const user = 1 + Math.floor(r() * 600);
    const at = new Date(start + (span * i) / count).toISOString();
    const entity = k.path.endsWith('/') ? `\t${k.action.split('.')[0]}\t${1 + Math.floor(r() * 300_000)}` : '\t\\N\t\\N';
    const path = k.path.endsWith('/') ? `${k.path}${1 + Math.floor(r() * 300_000)}` : k.path;
    return `${at}\tseed-${i}\t${k.category}\t${k.action}\t${user}\tguru${user}\tguru\t${k.method}\t${path}\t${k.status}\t${round2(2 + r() * 40)}\t10.${user % 250}.${i % 250}.${(i >> 8) % 250}\tMozilla/5.0 (EduPro bench)${entity}\n`;
  });
}
