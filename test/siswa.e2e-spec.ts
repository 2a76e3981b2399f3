import { type ApiClient, clientAs, makeSiswa } from './factories/records';
import { sql } from './prediksi-support/prediksi-helpers';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Siswa (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it("accepts the client's whole model and answers the stored record", async () => {
    const body = {
      ...makeSiswa({
        jenis_kelamin: 'Laki-laki',
        tanggal_lahir: '2007-05-01T17:00:00.000Z',
      }),
      id: null,
      created_at: '2020-01-01T00:00:00Z',
      updated_at: null,
      nama_siswa: 'ignored',
      jenis_kelamin_kode: 'P',
    };
    const res = await admin.post('/api/siswa').send(body).expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      nis: body.nis,
      nama: body.nama,
      kelas: body.kelas,
      jenis_kelamin: 'Laki-laki',
      jenis_kelamin_kode: 'L',
      tanggal_lahir: '2007-05-02',
      alamat: body.alamat,
      status: 'aktif',
      nisn: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(res.body.created_at).not.toBe('2020-01-01T00:00:00.000Z');
    const got = await admin.get(`/api/siswa/${res.body.id}`).expect(200);
    expect(got.body).toEqual(res.body);
  });

  it.each([
    ['perempuan', 'P', 'Perempuan'],
    ['PEREMPUAN', 'P', 'Perempuan'],
    ['p', 'P', 'Perempuan'],
    ['laki-laki', 'L', 'Laki-laki'],
    ['L', 'L', 'Laki-laki'],
  ])('accepts jenis_kelamin %p', async (input, stored, label) => {
    const res = await admin
      .post('/api/siswa')
      .send(makeSiswa({ jenis_kelamin: input }))
      .expect(201);
    expect(res.body).toMatchObject({
      jenis_kelamin: label,
      jenis_kelamin_kode: stored,
    });
    const [row] = await sql<{ jenis_kelamin: string }>(t, 'SELECT jenis_kelamin FROM siswa WHERE id = $1', [res.body.id]);
    expect(row?.jenis_kelamin).toBe(stored);
  });

  it("the client's edit form: GET, then PUT the whole model back with the dropdown's label, round-trips", async () => {
    const created = (await admin.post('/api/siswa').send(makeSiswa({ jenis_kelamin: 'P' })).expect(201)).body;
    const opened = (await admin.get(`/api/siswa/${created.id}`).expect(200)).body;
    // The form's dropdown offers only the two labels; the opened record must already hold one of them.
    expect(['Laki-laki', 'Perempuan']).toContain(opened.jenis_kelamin);
    const edited = { ...opened, kelas: 'XI IPS 1', jenis_kelamin: 'Laki-laki' };
    const saved = await admin.put(`/api/siswa/${created.id}`).set('Content-Type', 'application/json').send(edited).expect(200);
    // The stale jenis_kelamin_kode the form carries back is read-only: the dropdown's label wins.
    expect(saved.body).toEqual({ ...edited, jenis_kelamin_kode: 'L', updated_at: expect.any(String) });
    const reopened = (await admin.get(`/api/siswa/${created.id}`).expect(200)).body;
    expect(reopened).toEqual(saved.body);
    // Saving again unchanged (what the client does on a second click) is a no-op round trip.
    const again = await admin.put(`/api/siswa/${created.id}`).send(reopened).expect(200);
    expect(again.body).toMatchObject({ jenis_kelamin: 'Laki-laki', jenis_kelamin_kode: 'L', kelas: 'XI IPS 1' });
  });

  it('updates partially with PUT and PATCH, and 409 when the NIS is taken', async () => {
    const a = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body;
    const b = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body;
    const put = await admin.put(`/api/siswa/${a.id}`).send({ kelas: 'XI IPS 2', id: null }).expect(200);
    expect(put.body).toMatchObject({
      id: a.id,
      nis: a.nis,
      nama: a.nama,
      kelas: 'XI IPS 2',
    });
    const patch = await admin.patch(`/api/siswa/${a.id}`).send({ alamat: null }).expect(200);
    expect(patch.body).toMatchObject({ kelas: 'XI IPS 2', alamat: null });
    const conflict = await admin.put(`/api/siswa/${a.id}`).send({ nis: b.nis }).expect(409);
    expect(conflict.body).toMatchObject({ status: 409, code: 'NIS_DUPLICATE' });
    expect(conflict.headers['content-type']).toMatch(/^application\/problem\+json/);
    await admin.put('/api/siswa/999999').send({ kelas: 'X' }).expect(404);
    const badUpdate = await admin.put(`/api/siswa/${a.id}`).send({ nama: null }).expect(422);
    expect(badUpdate.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'nama' })]));
  });

  it('deletes with 204, then 404', async () => {
    const s = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body;
    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const gone = await admin.get(`/api/siswa/${s.id}`).expect(404);
    expect(gone.body).toMatchObject({ status: 404, code: 'SISWA_NOT_FOUND' });
    await admin.delete(`/api/siswa/${s.id}`).expect(404);
    await admin.get('/api/siswa/abc').expect(400);
  });

  it('two concurrent creates with the same NIS: one 201, one 409', async () => {
    const body = makeSiswa();
    const results = await Promise.all([admin.post('/api/siswa').send(body), admin.post('/api/siswa').send(body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const list = await admin.get(`/api/siswa?search=${body.nis}`).expect(200);
    expect(list.body).toHaveLength(1);
  });

  describe('bad inputs are 4xx problem+json and write nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['nis too short', { nis: '12' }, 'nis'],
      ['nis with punctuation', { nis: "12345'--" }, 'nis'],
      ['nama as a number', { nama: 12345 }, 'nama'],
      ['nama too long', { nama: 'x'.repeat(101) }, 'nama'],
      ['unknown jenis_kelamin', { jenis_kelamin: 'X' }, 'jenis_kelamin'],
      ['future birth date', { tanggal_lahir: '2999-01-01' }, 'tanggal_lahir'],
      ['impossible date', { tanggal_lahir: '2007-02-30' }, 'tanggal_lahir'],
      ['date as a number', { tanggal_lahir: 20070502 }, 'tanggal_lahir'],
      ['alamat too long', { alamat: 'x'.repeat(201) }, 'alamat'],
      ['kelas missing', { kelas: undefined }, 'kelas'],
    ];
    it.each(cases)('%s → 422 naming the field', async (_name, override, field) => {
      const before = (await admin.get('/api/siswa/count').expect(200)).body.total_count;
      const res = await admin
        .post('/api/siswa')
        .send({ ...makeSiswa(), ...override })
        .expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(typeof res.body.detail).toBe('string');
      expect((await admin.get('/api/siswa/count').expect(200)).body.total_count).toBe(before);
    });

    it('a body that is not an object is 4xx', async () => {
      const res = await admin.post('/api/siswa').set('Content-Type', 'application/json').send('[1,2]');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });
  });
});
