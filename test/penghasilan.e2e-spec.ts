import { type ApiClient, clientAs, makePenghasilan, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Penghasilan orang tua (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const newSiswa = async (): Promise<number> => (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id;

  it.each([
    [6_000_000, 0, 'Tinggi'],
    [2_500_000, 2_500_000, 'Tinggi'],
    [4_999_999, 0, 'Menengah'],
    [2_300_000, 0, 'Menengah'],
    [1_150_000, 1_150_000, 'Menengah'],
    [2_299_999, 0, 'Rendah'],
    [0, 0, 'Rendah'],
  ])('ayah %p + ibu %p → %s', async (ayah, ibu, kategori) => {
    const res = await admin
      .post('/api/penghasilan')
      .send({
        ...makePenghasilan(await newSiswa(), { penghasilan_ayah: ayah, penghasilan_ibu: ibu }),
        total_penghasilan: 1,
        kategori_penghasilan: 'Tinggi',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      penghasilan_ayah: ayah,
      penghasilan_ibu: ibu,
      total_penghasilan: ayah + ibu,
      kategori_penghasilan: kategori,
    });
  });

  it('recomputes total and category on a partial update; optional texts may be cleared', async () => {
    const row = (
      await admin
        .post('/api/penghasilan')
        .send(makePenghasilan(await newSiswa()))
        .expect(201)
    ).body;
    expect(row).toMatchObject({ total_penghasilan: 4_500_000, kategori_penghasilan: 'Menengah' });
    const res = await admin.put(`/api/penghasilan/${row.id}`).send({ penghasilan_ibu: 2_000_000, pekerjaan_ibu: null }).expect(200);
    expect(res.body).toMatchObject({ total_penghasilan: 5_000_000, kategori_penghasilan: 'Tinggi', pekerjaan_ibu: null });
    const tinggi = await admin.get('/api/penghasilan?kategori_penghasilan=Tinggi&sort=-total_penghasilan').expect(200);
    expect(tinggi.body.map((r: { id: number }) => r.id)).toContain(row.id);
  });

  it('one record per student: a second one is 409', async () => {
    const siswaId = await newSiswa();
    await admin.post('/api/penghasilan').send(makePenghasilan(siswaId)).expect(201);
    const res = await admin
      .post('/api/penghasilan')
      .send(makePenghasilan(siswaId, { penghasilan_ayah: 1 }))
      .expect(409);
    expect(res.body.code).toBe('PENGHASILAN_DUPLICATE');
  });

  it.each([
    ['a negative income', { penghasilan_ayah: -1 }, 'penghasilan_ayah'],
    ['a fractional income', { penghasilan_ibu: 1.5 }, 'penghasilan_ibu'],
    ['income as text', { penghasilan_ayah: 'tiga juta' }, 'penghasilan_ayah'],
    ['an absurd income', { penghasilan_ibu: 1e15 }, 'penghasilan_ibu'],
    ['a job as a number', { pekerjaan_ayah: 5 }, 'pekerjaan_ayah'],
  ])('%s is 422 naming the field, nothing written', async (_name, override, field) => {
    const siswaId = await newSiswa();
    const res = await admin
      .post('/api/penghasilan')
      .send({ ...makePenghasilan(siswaId), ...override })
      .expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    await expect(admin.get(`/api/penghasilan?siswa_id=${siswaId}`).then((r) => r.body)).resolves.toEqual([]);
  });
});
