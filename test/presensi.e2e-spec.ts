import { type ApiClient, clientAs, makePresensi, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Presensi (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let siswaId: number;
  let year = 2000;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    siswaId = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const nextYear = (): string => `${++year}/${year + 1}`;
  const days = (hadir: number, sakit: number, izin = 0, alpa = 0) => ({
    jumlah_hadir: hadir,
    jumlah_sakit: sakit,
    jumlah_izin: izin,
    jumlah_alpa: alpa,
    tahun_ajaran: nextYear(),
  });

  it.each([
    ['100 %', days(100, 0), 100, 'Tinggi'],
    ['exactly 80 %', days(80, 10, 5, 5), 80, 'Tinggi'],
    ['exactly 80 % of 5 days', days(4, 1), 80, 'Tinggi'],
    ['just under 80 %', days(79, 21), 79, 'Sedang'],
    ['exactly 75 %', days(75, 25), 75, 'Sedang'],
    ['exactly 75 % of 4 days', days(3, 0, 0, 1), 75, 'Sedang'],
    ['just under 75 %', days(74, 26), 74, 'Rendah'],
    ['0 %', days(0, 1), 0, 'Rendah'],
  ])('%s → persentase %p, %s', async (_name, counts, persentase, kategori) => {
    const res = await admin
      .post('/api/presensi')
      .send({ ...makePresensi(siswaId, counts), persentase_kehadiran: 1, kategori_kehadiran: 'Rendah' })
      .expect(201);
    expect(res.body).toMatchObject({ persentase_kehadiran: persentase, kategori_kehadiran: kategori });
  });

  it('recomputes the derived fields on a partial update, and filters by kategori_kehadiran', async () => {
    const row = (
      await admin
        .post('/api/presensi')
        .send(makePresensi(siswaId, days(80, 20)))
        .expect(201)
    ).body;
    expect(row.kategori_kehadiran).toBe('Tinggi');
    const res = await admin.patch(`/api/presensi/${row.id}`).send({ jumlah_hadir: 60 }).expect(200);
    expect(res.body).toMatchObject({ persentase_kehadiran: 75, kategori_kehadiran: 'Sedang' });
    const rendah = await admin.get(`/api/presensi?siswa_id=${siswaId}&kategori_kehadiran=rendah`).expect(200);
    expect(rendah.body.length).toBeGreaterThan(0);
    expect(rendah.body.every((r: { kategori_kehadiran: string }) => r.kategori_kehadiran === 'Rendah')).toBe(true);
    await admin.get('/api/presensi?kategori_kehadiran=Menengah').expect(400);
  });

  it.each([
    ['a negative count', { jumlah_alpa: -1 }, 'jumlah_alpa'],
    ['a fractional count', { jumlah_hadir: 10.5 }, 'jumlah_hadir'],
    ['a count as a string', { jumlah_sakit: '3' }, 'jumlah_sakit'],
    ['all counts zero', { jumlah_hadir: 0, jumlah_sakit: 0, jumlah_izin: 0, jumlah_alpa: 0 }, 'jumlah_hadir'],
    ['unknown semester', { semester: 'Pendek' }, 'semester'],
  ])('%s is 422 naming the field, nothing written', async (_name, override, field) => {
    const before = (await admin.get(`/api/presensi?siswa_id=${siswaId}`).expect(200)).headers['x-total-count'];
    const res = await admin
      .post('/api/presensi')
      .send({ ...makePresensi(siswaId, { tahun_ajaran: nextYear() }), ...override })
      .expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    const after = (await admin.get(`/api/presensi?siswa_id=${siswaId}`).expect(200)).headers['x-total-count'];
    expect(after).toBe(before);
  });

  it('a partial update that makes the total zero is 422', async () => {
    const row = (
      await admin
        .post('/api/presensi')
        .send(makePresensi(siswaId, days(1, 0)))
        .expect(201)
    ).body;
    await admin.put(`/api/presensi/${row.id}`).send({ jumlah_hadir: 0 }).expect(422);
  });
});
