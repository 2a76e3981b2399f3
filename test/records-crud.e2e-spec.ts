import { type ApiClient, clientAs, makeNilai, makePenghasilan, makePresensi, makePrestasi, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

/** The CRUD contract every student-owned domain answers the same way (API.md §4). */
interface Domain {
  path: string;
  make: (siswaId: number, overrides?: Record<string, unknown>) => Record<string, unknown>;
  /** A field change for the partial update, and a value it shows in the response. */
  change: Record<string, unknown>;
  /** Overrides giving a second row of the same student (a different natural key), if the domain has one. */
  second?: Record<string, unknown>;
  duplicateCode: string;
}

const DOMAINS: Domain[] = [
  { path: 'nilai', make: makeNilai, change: { matematika: 100 }, second: { semester: 'Genap' }, duplicateCode: 'NILAI_DUPLICATE' },
  { path: 'presensi', make: makePresensi, change: { jumlah_alpa: 0 }, second: { semester: 'Genap' }, duplicateCode: 'PRESENSI_DUPLICATE' },
  { path: 'penghasilan', make: makePenghasilan, change: { pekerjaan_ayah: 'Guru' }, duplicateCode: 'PENGHASILAN_DUPLICATE' },
  {
    path: 'prestasi',
    make: makePrestasi,
    change: { catatan: 'Juara umum' },
    second: { tahun_ajaran: '2024/2025' },
    duplicateCode: 'PRESTASI_DUPLICATE',
  },
];

describe.each(DOMAINS)('/api/$path CRUD (e2e)', ({ path, make, change, second, duplicateCode }) => {
  let t: TestApp;
  let admin: ApiClient;
  let siswa: { id: number; nama: string; kelas: string };
  let other: { id: number; nama: string; kelas: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    siswa = (
      await admin
        .post('/api/siswa')
        .send(makeSiswa({ nama: 'Ani Lestari', kelas: 'XI IPA 2' }))
        .expect(201)
    ).body;
    other = (
      await admin
        .post('/api/siswa')
        .send(makeSiswa({ nama: 'Budi Santoso', kelas: 'X IPS 1' }))
        .expect(201)
    ).body;
  });
  afterAll(async () => {
    await t.close();
  });

  it("creates from the client's whole model, gets, updates partially (PUT and PATCH) and deletes", async () => {
    const body = { ...make(siswa.id), id: null, nama_siswa: 'stale', kelas: 'stale', created_at: 'x', updated_at: null };
    const created = await admin.post(`/api/${path}`).send(body).expect(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), siswa_id: siswa.id, nama_siswa: 'Ani Lestari', kelas: 'XI IPA 2' });
    expect(Date.parse(created.body.created_at)).not.toBeNaN();
    const id = created.body.id as number;

    await expect(admin.get(`/api/${path}/${id}`).then((r) => r.body)).resolves.toEqual(created.body);

    const put = await admin
      .put(`/api/${path}/${id}`)
      .send({ ...change, nama_siswa: 'ignored' })
      .expect(200);
    expect(put.body).toMatchObject({ ...change, siswa_id: siswa.id, nama_siswa: 'Ani Lestari' });
    const patch = await admin.patch(`/api/${path}/${id}`).send({ siswa_id: other.id }).expect(200);
    expect(patch.body).toMatchObject({ ...change, siswa_id: other.id, nama_siswa: 'Budi Santoso', kelas: 'X IPS 1' });

    await admin.delete(`/api/${path}/${id}`).expect(204);
    await admin.get(`/api/${path}/${id}`).expect(404);
    await admin.delete(`/api/${path}/${id}`).expect(404);
    await admin.put(`/api/${path}/${id}`).send(change).expect(404);
  });

  it('404 for a siswa_id that does not exist, on create and on update; nothing written', async () => {
    const res = await admin.post(`/api/${path}`).send(make(987654)).expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'SISWA_NOT_FOUND' });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const row = (await admin.post(`/api/${path}`).send(make(siswa.id)).expect(201)).body;
    await admin.put(`/api/${path}/${row.id}`).send({ siswa_id: 987654 }).expect(404);
    const list = await admin.get(`/api/${path}?siswa_id=987654`).expect(200);
    expect(list.body).toEqual([]);
    await admin.delete(`/api/${path}/${row.id}`).expect(204);
  });

  it('409 on the natural-key duplicate, also for two concurrent creates', async () => {
    const s = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body;
    const results = await Promise.all([admin.post(`/api/${path}`).send(make(s.id)), admin.post(`/api/${path}`).send(make(s.id))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({ code: duplicateCode });
    await admin.post(`/api/${path}`).send(make(s.id)).expect(409);
    if (second) {
      const other = (await admin.post(`/api/${path}`).send(make(s.id, second)).expect(201)).body;
      await admin.put(`/api/${path}/${other.id}`).send(make(s.id)).expect(409);
    }
    const rows = await admin.get(`/api/${path}?siswa_id=${s.id}`).expect(200);
    expect(rows.body).toHaveLength(second ? 2 : 1);
  });

  it('lists bare arrays with X-Total-Count, nama_siswa and kelas, filters, search, sort and paging', async () => {
    const a = (
      await admin
        .post('/api/siswa')
        .send(makeSiswa({ nama: 'Zaki Paging', kelas: 'XII TKJ 9' }))
        .expect(201)
    ).body;
    const b = (
      await admin
        .post('/api/siswa')
        .send(makeSiswa({ nama: 'Ayu Paging', kelas: 'XII TKJ 9' }))
        .expect(201)
    ).body;
    await admin.post(`/api/${path}`).send(make(a.id)).expect(201);
    await admin.post(`/api/${path}`).send(make(b.id)).expect(201);

    const all = await admin.get(`/api/${path}/?kelas=XII%20TKJ%209`).expect(200);
    expect(all.headers['x-total-count']).toBe('2');
    expect(all.body.map((r: { siswa_id: number }) => r.siswa_id)).toEqual([a.id, b.id]);
    expect(all.body[0]).toMatchObject({ nama_siswa: 'Zaki Paging', kelas: 'XII TKJ 9' });

    const sorted = await admin.get(`/api/${path}?kelas=XII%20TKJ%209&sort=nama_siswa`).expect(200);
    expect(sorted.body.map((r: { nama_siswa: string }) => r.nama_siswa)).toEqual(['Ayu Paging', 'Zaki Paging']);
    const desc = await admin.get(`/api/${path}?kelas=XII%20TKJ%209&sort=-id`).expect(200);
    expect(desc.body.map((r: { siswa_id: number }) => r.siswa_id)).toEqual([b.id, a.id]);

    const page = await admin.get(`/api/${path}?kelas=XII%20TKJ%209&skip=1&limit=1`).expect(200);
    expect(page.headers['x-total-count']).toBe('2');
    expect(page.body.map((r: { siswa_id: number }) => r.siswa_id)).toEqual([b.id]);

    const search = await admin.get(`/api/${path}?search=zaki%20pag`).expect(200);
    expect(search.body.map((r: { siswa_id: number }) => r.siswa_id)).toEqual([a.id]);
    const bySiswa = await admin.get(`/api/${path}?siswa_id=${b.id}`).expect(200);
    expect(bySiswa.body).toHaveLength(1);
    expect(bySiswa.headers['x-total-count']).toBe('1');
  });

  it('a row id that is not a number is 400', async () => {
    await admin.get(`/api/${path}/abc`).expect(400);
  });
});
