import request from 'supertest';
import { bearer } from '../utils/auth';
import type { TestApp } from '../utils/test-app';
import { type ApiClient, clientAs, makeNilai, makePenghasilan, makePresensi, makePrestasi, makeSiswa } from './records';

/** A client with the bearer token of a newly registered, active guru, and its user id. */
export async function newGuru(t: TestApp, admin: ApiClient, username: string): Promise<{ id: number; api: ApiClient }> {
  const password = `Sandi-Kelas-${username.length}-rahasia!`;
  const created = await admin
    .post('/api/auth/register')
    .send({ username, email: `${username}@school.test`, password, role: 'guru' })
    .expect(201);
  const login = await request(t.baseUrl).post('/api/auth/login').send({ username, password }).expect(200);
  const auth = bearer(login.body.access_token as string);
  const api = {
    get: (url: string) => request(t.baseUrl).get(url).set(auth),
    post: (url: string) => request(t.baseUrl).post(url).set(auth),
    put: (url: string) => request(t.baseUrl).put(url).set(auth),
    patch: (url: string) => request(t.baseUrl).patch(url).set(auth),
    delete: (url: string) => request(t.baseUrl).delete(url).set(auth),
  } as ApiClient;
  return { id: created.body.id as number, api };
}

export const ACTIVE_YEAR = '2025/2026';

export interface Student {
  id: number;
  nis: string;
}

/**
 * Two teachers in two rombels of the active year (issue #13's scope tests):
 * - guru A: wali kelas of rombel A, teaches matematika in rombel B;
 * - guru B: wali kelas of rombel B, and wali kelas of rombel C of an inactive year.
 * Students a1, a2 in A; b1, b2 in B; `old` only in C (last year); `none` in no rombel. Each has nilai,
 * presensi and prestasi for both semesters of the active year and a penghasilan row.
 */
export async function twoTeachersTwoRombels(t: TestApp) {
  const admin = await clientAs(t, 'admin');
  const guruA = await newGuru(t, admin, 'guru_wali_a');
  const guruB = await newGuru(t, admin, 'guru_wali_b');
  const active = (await admin.post('/api/tahun-ajaran').send({ nama: ACTIVE_YEAR }).expect(201)).body as { id: number; aktif: boolean };
  if (!active.aktif) throw new Error('the first year should be active');
  const lastYear = (await admin.post('/api/tahun-ajaran').send({ nama: '2024/2025' }).expect(201)).body as { id: number };
  const rombel = async (nama: string, tahunAjaranId: number, wali: number): Promise<number> =>
    (await admin.post('/api/rombel').send({ nama, tingkat: 10, tahun_ajaran_id: tahunAjaranId, wali_kelas_id: wali }).expect(201)).body
      .id as number;
  const rombelA = await rombel('X IPA 1', active.id, guruA.id);
  const rombelB = await rombel('X IPA 2', active.id, guruB.id);
  const rombelC = await rombel('X IPA 9', lastYear.id, guruB.id);
  await admin.post('/api/penugasan').send({ guru_id: guruA.id, rombel_id: rombelB, mapel: 'matematika' }).expect(201);

  const student = async (): Promise<Student> => {
    const s = (
      await admin
        .post('/api/siswa')
        .send(makeSiswa({ kelas: 'X' }))
        .expect(201)
    ).body as Student;
    for (const semester of ['Ganjil', 'Genap']) {
      const key = { semester, tahun_ajaran: ACTIVE_YEAR };
      await admin.post('/api/nilai').send(makeNilai(s.id, key)).expect(201);
      await admin.post('/api/presensi').send(makePresensi(s.id, key)).expect(201);
      await admin
        .post('/api/prestasi')
        .send(makePrestasi(s.id, { ...key, kategori: s.id % 2 ? 'Tinggi' : 'Rendah' }))
        .expect(201);
    }
    await admin.post('/api/penghasilan').send(makePenghasilan(s.id)).expect(201);
    return s;
  };
  const [a1, a2, b1, b2, old, none] = [
    await student(),
    await student(),
    await student(),
    await student(),
    await student(),
    await student(),
  ];
  const place = (rombelId: number, members: Student[]) =>
    admin
      .post(`/api/rombel/${rombelId}/siswa`)
      .send({ siswa_ids: members.map((m) => m.id) })
      .expect(200);
  await place(rombelA, [a1, a2]);
  await place(rombelB, [b1, b2]);
  await place(rombelC, [old]);
  const students = { a1, a2, b1, b2, old, none };
  /** The named students' ids in ascending order, as the tests compare them. */
  const ids = (...names: Array<keyof typeof students>): number[] => names.map((n) => students[n].id).sort((x, y) => x - y);
  return { admin, guruA, guruB, rombelA, rombelB, students, ids };
}

export type School = Awaited<ReturnType<typeof twoTeachersTwoRombels>>;
