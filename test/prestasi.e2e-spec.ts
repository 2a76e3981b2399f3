import { type ApiClient, clientAs, makePrestasi, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Prestasi (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let siswaId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    siswaId = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores the observed category in canonical spelling, with an optional note', async () => {
    const res = await admin
      .post('/api/prestasi')
      .send(makePrestasi(siswaId, { kategori: 'sedang', catatan: '  ', semester: 'GENAP' }))
      .expect(201);
    expect(res.body).toMatchObject({ kategori: 'Sedang', catatan: null, semester: 'Genap' });
    const filtered = await admin.get(`/api/prestasi?kategori=Sedang&siswa_id=${siswaId}`).expect(200);
    expect(filtered.body.map((r: { id: number }) => r.id)).toEqual([res.body.id]);
    await admin.get(`/api/prestasi?kategori=Menengah`).expect(400);
  });

  it.each([
    ['an unknown category', { kategori: 'Menengah' }, 'kategori'],
    ['a missing category', { kategori: undefined }, 'kategori'],
    ['a note that is too long', { catatan: 'x'.repeat(501) }, 'catatan'],
    ['an unknown semester', { semester: 'Ganjil 1' }, 'semester'],
  ])('%s is 422 naming the field', async (_name, override, field) => {
    const res = await admin
      .post('/api/prestasi')
      .send({ ...makePrestasi(siswaId, { tahun_ajaran: '2040/2041' }), ...override })
      .expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    await expect(admin.get('/api/prestasi?tahun_ajaran=2040/2041').then((r) => r.body)).resolves.toEqual([]);
  });
});
