import request from 'supertest';
import type { Role } from '../src/common/role';
import { bearer, tokenFor } from './utils/auth';
import { clientAs, csvOf, makeNilai, makePenghasilan, makePresensi, makePrestasi, makeSiswa, uploadRowFor } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

/** API.md §9: who may write (create, update, delete, upload) each domain; every role may read and export. */
const WRITERS: Record<string, Role[]> = {
  siswa: ['admin', 'staf'],
  penghasilan: ['admin', 'staf'],
  nilai: ['admin', 'guru'],
  presensi: ['admin', 'guru'],
  prestasi: ['admin', 'guru'],
};
const ROLES: Role[] = ['admin', 'guru', 'staf'];
const CHANGE: Record<string, Record<string, unknown>> = {
  siswa: { kelas: 'XI C' },
  nilai: { seni: 90 },
  presensi: { jumlah_izin: 1 },
  penghasilan: { pekerjaan_ayah: 'Nelayan' },
  prestasi: { catatan: 'Baik' },
};

describe('Permissions of the record domains, API.md §9 (e2e)', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh body for `domain`, with a student of its own (so natural keys never collide). */
  async function bodyFor(domain: string): Promise<Record<string, unknown>> {
    if (domain === 'siswa') return { ...makeSiswa() };
    const admin = await clientAs(t, 'admin');
    const siswaId = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id as number;
    const make = { nilai: makeNilai, presensi: makePresensi, penghasilan: makePenghasilan, prestasi: makePrestasi }[domain]!;
    return make(siswaId);
  }

  const cells = Object.entries(WRITERS).flatMap(([domain, writers]) =>
    ROLES.map((role) => [domain, role, writers.includes(role)] as const),
  );

  it.each(cells)('%s as %s: reads and exports allowed; writes allowed = %p', async (domain, role, allowed) => {
    const token = await tokenFor(t, role);
    const as = (req: request.Test) => req.set(bearer(token));
    const admin = await clientAs(t, 'admin');
    const existing = (
      await admin
        .post(`/api/${domain}`)
        .send(await bodyFor(domain))
        .expect(201)
    ).body as { id: number; siswa_id?: number };

    await as(request(t.baseUrl).get(`/api/${domain}`)).expect(200);
    await as(request(t.baseUrl).get(`/api/${domain}/${existing.id}`)).expect(200);
    await as(request(t.baseUrl).get(`/api/${domain}/export/excel`)).expect(200);
    await as(request(t.baseUrl).get(`/api/${domain}/export/csv`)).expect(200);

    const write = allowed ? [201, 200, 204, 200] : [403, 403, 403, 403];
    const created = await as(request(t.baseUrl).post(`/api/${domain}`)).send(await bodyFor(domain));
    expect(created.status).toBe(write[0]);
    await as(request(t.baseUrl).put(`/api/${domain}/${existing.id}`))
      .send(CHANGE[domain]!)
      .expect(write[1]!);
    await as(request(t.baseUrl).patch(`/api/${domain}/${existing.id}`))
      .send(CHANGE[domain]!)
      .expect(write[1]!);
    const uploadSiswa = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id as number;
    const upload = uploadRowFor(domain, uploadSiswa, ++n);
    await as(request(t.baseUrl).post(`/api/${domain}/upload/excel?dry_run=true`))
      .attach('file', csvOf(upload.headers, [upload.row]), 'rows.csv')
      .expect(write[3]!);
    await as(request(t.baseUrl).delete(`/api/${domain}/${existing.id}`)).expect(write[2]!);
    if (!allowed) await admin.get(`/api/${domain}/${existing.id}`).expect(200);
  });

  it.each(['siswa', 'nilai', 'presensi', 'penghasilan', 'prestasi'])('%s without a token is 401', async (domain) => {
    await request(t.baseUrl).get(`/api/${domain}`).expect(401);
    await request(t.baseUrl).post(`/api/${domain}`).send({}).expect(401);
    await request(t.baseUrl).get(`/api/${domain}/export/csv`).expect(401);
  });

  it('siswa count and dropdown are readable by every role', async () => {
    for (const role of ROLES) {
      const token = await tokenFor(t, role);
      await request(t.baseUrl).get('/api/siswa/count').set(bearer(token)).expect(200);
      await request(t.baseUrl).get('/api/siswa/dropdown').set(bearer(token)).expect(200);
    }
  });
});
