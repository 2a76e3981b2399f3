import { type ApiClient, clientAs } from './factories/records';
import { queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';
import request from 'supertest';

/** The first start's demo school has its years, rombels, gurus, assignments and identity (issue #13). */
describe('Demo school structure (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let printed = '';

  beforeAll(async () => {
    // The guru passwords go to the console once; keep them from the test output but read them.
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    }) as typeof process.stdout.write);
    try {
      t = await createTestApp({ DEMO_DATA: 'true', DEMO_STUDENTS: '60' });
    } finally {
      spy.mockRestore();
    }
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('places every student in one rombel of the active year, named as their kelas, promoted out of earlier years', async () => {
    const years = (await admin.get('/api/tahun-ajaran').expect(200)).body as Array<{ id: number; nama: string; aktif: boolean }>;
    expect(years.length).toBeGreaterThanOrEqual(2);
    const active = years.filter((y) => y.aktif);
    expect(active).toEqual([years[years.length - 1]]);
    const [{ misplaced }] = await queryDb<{ misplaced: number }>(
      t,
      `SELECT count(*)::int AS misplaced FROM siswa s
       LEFT JOIN rombel_siswa rs ON rs.siswa_id = s.id AND rs.tahun_ajaran_id = $1 LEFT JOIN rombel r ON r.id = rs.rombel_id
       WHERE r.id IS NULL OR r.nama <> s.kelas`,
      [active[0].id],
    );
    expect(misplaced).toBe(0);
    const earlier = await queryDb<{ keputusan: string | null; n: number }>(
      t,
      'SELECT keputusan, count(*)::int AS n FROM rombel_siswa WHERE tahun_ajaran_id <> $1 GROUP BY keputusan',
      [active[0].id],
    );
    expect(earlier).toEqual([{ keputusan: 'naik', n: expect.any(Number) }]);
    const rombels = (await admin.get(`/api/rombel?tahun_ajaran_id=${active[0].id}`).expect(200)).body as Array<{
      id: number;
      wali_kelas_id: number | null;
    }>;
    expect(rombels.every((r) => r.wali_kelas_id !== null)).toBe(true);
    const assignments = await admin.get(`/api/penugasan?tahun_ajaran_id=${active[0].id}&limit=1000`).expect(200);
    expect(Number(assignments.headers['x-total-count'])).toBe(rombels.length * 11);
  });

  it('prints the guru passwords once, and they work', async () => {
    const match = /guru01\s+(\S+)/.exec(printed);
    expect(match).not.toBeNull();
    const login = await request(t.baseUrl).post('/api/auth/login').send({ username: 'guru01', password: match?.[1] }).expect(200);
    expect(login.body.user.role).toBe('guru');
  });

  it('fills in the school identity', async () => {
    const res = await admin.get('/api/settings/sekolah').expect(200);
    expect(res.body).toMatchObject({
      nama_sekolah: expect.any(String),
      npsn: expect.stringMatching(/^\w{8}$/),
      kepala_sekolah: expect.any(String),
    });
  });

  it('still generates demo records once years exist (creating the years they name)', async () => {
    const [s] = (await admin.get('/api/siswa?limit=1').expect(200)).body;
    await admin
      .post('/api/prediksi/generate-dummy-by-name')
      .send({ siswa_id: s.id, tahun_ajaran: '2040/2041' })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const years = (await admin.get('/api/tahun-ajaran').expect(200)).body as Array<{ nama: string; aktif: boolean }>;
    expect(years).toEqual(expect.arrayContaining([expect.objectContaining({ nama: '2040/2041', aktif: false })]));
    await admin
      .post('/api/prediksi/generate-dummy')
      .send({ jumlah_data: 5 })
      .expect((r) => expect(r.status).toBeLessThan(300));
  });
});
