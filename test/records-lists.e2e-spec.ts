import { type ApiClient, clientAs, makeNilai, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

const PATHS = ['siswa', 'nilai', 'presensi', 'penghasilan', 'prestasi'];

describe('List conventions of the record domains (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    for (const nama of ['Citra', 'Agus', 'Bayu', 'Agus']) {
      ids.push(
        (
          await admin
            .post('/api/siswa')
            .send(makeSiswa({ nama: `${nama} 100%_x`, kelas: 'X A' }))
            .expect(201)
        ).body.id,
      );
    }
    await admin.post('/api/nilai').send(makeNilai(ids[0]!)).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(PATHS)('/api/%s and /api/%s/ answer the same bare array with X-Total-Count', async (path) => {
    const a = await admin.get(`/api/${path}`).expect(200);
    const b = await admin.get(`/api/${path}/`).expect(200);
    expect(Array.isArray(a.body)).toBe(true);
    expect(b.body).toEqual(a.body);
    expect(a.headers['x-total-count']).toBe(String(a.body.length));
  });

  it.each(
    PATHS.flatMap((p) => [
      [p, 'limit=100000'],
      [p, 'limit=10001'],
      [p, 'limit=1e3'],
      [p, 'limit=0'],
      [p, 'limit=ten'],
      [p, 'skip=-1'],
      [p, 'skip=1.5'],
      [p, 'sort=password'],
      [p, 'sort=nama;DROP TABLE siswa'],
      [p, 'sort=-'],
    ]),
  )('/api/%s?%s is 400 problem+json', async (path, query) => {
    const res = await admin.get(`/api/${path}?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(typeof res.body.detail).toBe('string');
  });

  it.each(PATHS)('/api/%s: an SQL fragment in search is just text', async (path) => {
    for (const search of ["' OR 1=1 --", "'; DROP TABLE siswa; --", '\\', '%%%z%']) {
      const res = await admin.get(`/api/${path}`).query({ search }).expect(200);
      expect(res.body).toEqual([]);
    }
    await admin.get('/api/siswa/count').expect(200);
  });

  it('search matches a literal % and _ and is case-insensitive', async () => {
    const res = await admin.get('/api/siswa').query({ search: 'AGUS 100%_' }).expect(200);
    expect(res.body.map((s: { id: number }) => s.id)).toEqual([ids[1], ids[3]]);
  });

  it('default order is id ascending; ties in a sort are broken by id', async () => {
    const all = await admin.get('/api/siswa').expect(200);
    const got = all.body.map((s: { id: number }) => s.id);
    expect(got).toEqual([...got].sort((x: number, y: number) => x - y));
    const byName = await admin.get('/api/siswa?sort=nama').expect(200);
    expect(byName.body.map((s: { id: number }) => s.id)).toEqual([ids[1], ids[3], ids[2], ids[0]]);
    const multi = await admin.get('/api/siswa?sort=-nama,id').expect(200);
    expect(multi.body.map((s: { id: number }) => s.id)).toEqual([ids[0], ids[2], ids[1], ids[3]]);
    const created = await admin.get('/api/siswa?sort=-created_at').expect(200);
    expect(created.body).toHaveLength(4);
  });

  it('paging walks every row exactly once', async () => {
    const seen: number[] = [];
    for (let skip = 0; skip < 4; skip += 3) {
      const page = await admin.get(`/api/siswa?sort=nama&skip=${skip}&limit=3`).expect(200);
      expect(page.headers['x-total-count']).toBe('4');
      seen.push(...page.body.map((s: { id: number }) => s.id));
    }
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('siswa filters: kelas, jenis_kelamin (label accepted); count and dropdown', async () => {
    await admin.get('/api/siswa?kelas=X%20A&jenis_kelamin=Laki-laki').expect(200).expect('x-total-count', '4');
    await admin.get('/api/siswa?jenis_kelamin=P').expect(200).expect('x-total-count', '0');
    await admin.get('/api/siswa?jenis_kelamin=X').expect(400);
    await expect(admin.get('/api/siswa/count').then((r) => r.body)).resolves.toEqual({ total_count: 4 });
    const dropdown = await admin.get('/api/siswa/dropdown').expect(200);
    expect(dropdown.body).toEqual([
      { id: ids[1], text: 'Agus 100%_x (X A)' },
      { id: ids[3], text: 'Agus 100%_x (X A)' },
      { id: ids[2], text: 'Bayu 100%_x (X A)' },
      { id: ids[0], text: 'Citra 100%_x (X A)' },
    ]);
  });

  it('empty query values are ignored, as the web client sends every field', async () => {
    await admin.get('/api/siswa?search=&kelas=&jenis_kelamin=&sort=').expect(200).expect('x-total-count', '4');
    await admin.get('/api/siswa?skip=&limit=').expect(200).expect('x-total-count', '4');
    await admin.get('/api/nilai?siswa_id=&semester=&tahun_ajaran=').expect(200).expect('x-total-count', '1');
  });

  it("nilai search on the student's columns (matching students resolved first) keeps rows and an exact X-Total-Count on every paging path", async () => {
    const cases: Array<[Record<string, string | number>, number, string]> = [
      [{ search: 'citra' }, 1, '1'], // a short first page: its own total
      [{ search: 'citra', limit: 1 }, 1, '1'], // a full page: counted
      [{ search: 'citra', skip: 5 }, 0, '1'], // past the end: counted
      [{ search: 'citra', kelas: 'X A' }, 1, '1'], // a condition on the student: the count keeps the join
      [{ search: 'citra', kelas: 'X B' }, 0, '0'],
      [{ search: 'Agus' }, 0, '0'], // students match, their nilai do not exist
      [{ search: 'nobody' }, 0, '0'], // no student matches
    ];
    for (const [query, rows, total] of cases) {
      const res = await admin.get('/api/nilai').query(query).expect(200);
      expect([query, res.body.length, res.headers['x-total-count']]).toEqual([query, rows, total]);
      for (const row of res.body) expect(row).toMatchObject({ siswa_id: ids[0], nama_siswa: 'Citra 100%_x', kelas: 'X A' });
    }
  });

  it.each([
    ['siswa', 'CreateSiswaDto', 'UpdateSiswaDto', ['jenis_kelamin', 'kelas']],
    ['nilai', 'CreateNilaiDto', 'UpdateNilaiDto', ['siswa_id', 'semester', 'tahun_ajaran']],
    ['presensi', 'CreatePresensiDto', 'UpdatePresensiDto', ['kategori_kehadiran']],
    ['penghasilan', 'CreatePenghasilanDto', 'UpdatePenghasilanDto', ['kategori_penghasilan']],
    ['prestasi', 'CreatePrestasiDto', 'UpdatePrestasiDto', ['kategori']],
  ])('the OpenAPI document describes /api/%s with its own DTOs', async (path, create, update, filters) => {
    const doc = (await admin.get('/docs-json').expect(200)).body;
    const collection = doc.paths[`/api/${path}`];
    expect(collection.post.requestBody.content['application/json'].schema.$ref).toBe(`#/components/schemas/${create}`);
    expect(doc.paths[`/api/${path}/{id}`].put.requestBody.content['application/json'].schema.$ref).toBe(`#/components/schemas/${update}`);
    const names = collection.get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['skip', 'limit', 'search', 'sort', ...filters]));
    expect(Object.keys(doc.paths[`/api/${path}/upload/excel`].post.requestBody.content)).toEqual(['multipart/form-data']);
  });
});
