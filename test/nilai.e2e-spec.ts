import { type ApiClient, clientAs, makeNilai, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Nilai raport (e2e)', () => {
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

  const count = async (): Promise<number> =>
    Number((await admin.get(`/api/nilai?siswa_id=${siswaId}`).expect(200)).headers['x-total-count']);

  it('computes rata_rata on the server at full precision, ignoring a client-computed one', async () => {
    const res = await admin
      .post('/api/nilai')
      .send({ ...makeNilai(siswaId, { dasar_kejuruan: 81, matematika: 80, tahun_ajaran: '2020/2021' }), rata_rata: 99, id: null })
      .expect(201);
    const scores = [80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 81];
    expect(res.body.rata_rata).toBe(scores.reduce((a, b) => a + b, 0) / 11);
    expect(res.body.rata_rata).not.toBe(Math.round(res.body.rata_rata * 100) / 100);
    expect(res.body).toMatchObject({ matematika: 80, dasar_kejuruan: 81, semester: 'Ganjil', tahun_ajaran: '2020/2021' });

    const updated = await admin.put(`/api/nilai/${res.body.id}`).send({ matematika: 100, rata_rata: 1 }).expect(200);
    expect(updated.body.rata_rata).toBe((scores.reduce((a, b) => a + b, 0) - 80 + 100) / 11);
  });

  it('accepts decimal scores and the boundaries 0 and 100; semester in any case', async () => {
    const res = await admin
      .post('/api/nilai')
      .send(makeNilai(siswaId, { semester: 'genap', tahun_ajaran: '2021/2022', matematika: 0, ipa: 100, seni: 85.5 }))
      .expect(201);
    expect(res.body).toMatchObject({ semester: 'Genap', matematika: 0, ipa: 100, seni: 85.5 });
  });

  it('sorts by rata_rata and filters by semester and tahun_ajaran', async () => {
    const res = await admin.get(`/api/nilai?siswa_id=${siswaId}&sort=-rata_rata`).expect(200);
    const means = res.body.map((r: { rata_rata: number }) => r.rata_rata);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    const filtered = await admin.get(`/api/nilai?siswa_id=${siswaId}&semester=Genap&tahun_ajaran=2021/2022`).expect(200);
    expect(filtered.body).toHaveLength(1);
    await admin.get('/api/nilai?semester=Ketiga').expect(400);
    await admin.get('/api/nilai?tahun_ajaran=2021/2023').expect(400);
    await admin.get('/api/nilai?siswa_id=abc').expect(400);
  });

  describe('bad inputs are 422 problem+json naming the field, and write nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['score above 100', { matematika: 101 }, 'matematika'],
      ['negative score', { ipa: -1 }, 'ipa'],
      ['score as a string', { pjok: '85' }, 'pjok'],
      ['score missing', { seni: undefined }, 'seni'],
      ['score null', { agama: null }, 'agama'],
      ['unknown semester', { semester: 'Ketiga' }, 'semester'],
      ['tahun_ajaran not consecutive', { tahun_ajaran: '2023/2025' }, 'tahun_ajaran'],
      ['tahun_ajaran malformed', { tahun_ajaran: '2023-2024' }, 'tahun_ajaran'],
      ['siswa_id as text', { siswa_id: 'satu' }, 'siswa_id'],
      ['siswa_id missing', { siswa_id: undefined }, 'siswa_id'],
    ];
    it.each(cases)('%s', async (_name, override, field) => {
      const before = await count();
      const res = await admin
        .post('/api/nilai')
        .send({ ...makeNilai(siswaId, { tahun_ajaran: '2030/2031' }), ...override })
        .expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      await expect(count()).resolves.toBe(before);
    });

    it('an out-of-range score in a partial update is 422 and leaves the row unchanged', async () => {
      const row = (
        await admin
          .post('/api/nilai')
          .send(makeNilai(siswaId, { tahun_ajaran: '2031/2032' }))
          .expect(201)
      ).body;
      await admin.put(`/api/nilai/${row.id}`).send({ matematika: 150 }).expect(422);
      await expect(admin.get(`/api/nilai/${row.id}`).then((r) => r.body)).resolves.toEqual(row);
    });
  });
});
