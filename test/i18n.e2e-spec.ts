/**
 * Issue #12: what a teacher reads is Bahasa Indonesia by default and English with
 * `Accept-Language: en` — problem+json `title` and `detail`, per-field messages, upload row errors,
 * login failures and success messages. Codes and field names are the same in both.
 */
import request from 'supertest';
import { type ApiClient, clientAs, csvOf, makeSiswa, uploadRowFor } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Language of messages (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a 404 is Indonesian by default and English on request, with the same code', async () => {
    const id = await admin.get('/api/siswa/999999').expect(404);
    expect(id.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(id.headers['content-language']).toBe('id');
    expect(id.headers.vary).toMatch(/Accept-Language/);
    expect(id.body).toMatchObject({ code: 'SISWA_NOT_FOUND', title: 'Tidak Ditemukan', detail: 'Siswa 999999 tidak ditemukan' });
    const en = await admin.get('/api/siswa/999999').set('Accept-Language', 'en').expect(404);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body).toMatchObject({ code: 'SISWA_NOT_FOUND', title: 'Not Found', detail: 'Siswa 999999 not found' });
  });

  it('q-values decide; an unknown language falls back to Indonesian', async () => {
    const preferId = await admin.get('/api/siswa/999999').set('Accept-Language', 'en;q=0.5, id;q=0.9').expect(404);
    expect(preferId.body.detail).toBe('Siswa 999999 tidak ditemukan');
    const regional = await admin.get('/api/siswa/999999').set('Accept-Language', 'en-GB,en;q=0.9').expect(404);
    expect(regional.body.detail).toBe('Siswa 999999 not found');
    const unknown = await admin.get('/api/siswa/999999').set('Accept-Language', 'fr-FR').expect(404);
    expect(unknown.body.detail).toBe('Siswa 999999 tidak ditemukan');
  });

  it('a 422 lists per-field messages in the request’s language, with the constraint’s arguments', async () => {
    const body = makeSiswa({ nis: '12', nama: 'A' });
    const id = await admin.post('/api/siswa').send(body).expect(422);
    expect(id.body.code).toBe('VALIDATION_FAILED');
    expect(id.body.title).toBe('Data Tidak Dapat Diproses');
    expect(id.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'nis', message: 'nis harus 5–20 huruf atau angka' },
        { field: 'nama', message: 'nama harus 2–100 karakter' },
      ]),
    );
    expect(id.body.detail).toMatch(/^Data tidak valid: .*nama harus 2–100 karakter/);
    const en = await admin.post('/api/siswa').set('Accept-Language', 'en').send(body).expect(422);
    expect(en.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'nis', message: 'nis must be 5–20 letters or digits' },
        { field: 'nama', message: 'nama must be 2–100 characters' },
      ]),
    );
    expect(en.body.detail).toMatch(/^Invalid data: .*nama must be 2–100 characters/);
  });

  it('an invalid query is 400 with field messages in the request’s language', async () => {
    const id = await admin.get('/api/siswa?limit=0').expect(400);
    expect(id.body).toMatchObject({ code: 'INVALID_QUERY', errors: [{ field: 'limit', message: 'limit minimal 1' }] });
    const en = await admin.get('/api/siswa?limit=0').set('Accept-Language', 'en').expect(400);
    expect(en.body).toMatchObject({ code: 'INVALID_QUERY', errors: [{ field: 'limit', message: 'limit must be at least 1' }] });
  });

  it('upload row errors and the upload summary are in the request’s language', async () => {
    const siswaId = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body.id as number;
    const good = uploadRowFor('prestasi', siswaId, 3);
    const unknown = uploadRowFor('prestasi', 999999, 4);
    const file = csvOf(good.headers, [good.row, unknown.row]);
    const id = await admin.post('/api/prestasi/upload/excel').attach('file', file, 'p.csv').expect(422);
    expect(id.body.code).toBe('UPLOAD_INVALID');
    expect(id.body.detail).toBe('1 dari 2 baris tidak valid (baris 2); tidak ada data yang diimpor');
    expect(id.body.errors).toEqual([{ row: 2, field: 'siswa_id', message: 'siswa 999999 tidak ditemukan' }]);
    const en = await admin.post('/api/prestasi/upload/excel').set('Accept-Language', 'en').attach('file', file, 'p.csv').expect(422);
    expect(en.body.detail).toBe('1 of 2 rows are invalid (rows 2); nothing was imported');
    expect(en.body.errors).toEqual([{ row: 2, field: 'siswa_id', message: 'siswa 999999 not found' }]);

    const ok = csvOf(good.headers, [good.row]);
    const dryId = await admin.post('/api/prestasi/upload/excel?dry_run=true').attach('file', ok, 'p.csv').expect(200);
    expect(dryId.body.message).toBe('1 baris akan diimpor: 1 dibuat, 0 diperbarui');
    const dryEn = await admin.post('/api/prestasi/upload/excel?dry_run=true').set('Accept-Language', 'en').attach('file', ok, 'p.csv').expect(200);
    expect(dryEn.body.message).toBe('1 rows would be imported: 1 created, 0 updated');
  });

  it('a failed login is Indonesian by default and English on request, the same for unknown users', async () => {
    const wrong = { username: 'admin', password: 'not-the-password' };
    const id = await request(t.baseUrl).post('/api/auth/login').send(wrong).expect(401);
    expect(id.body).toMatchObject({ code: 'INVALID_CREDENTIALS', title: 'Belum Terautentikasi', detail: 'Nama pengguna atau kata sandi salah' });
    const en = await request(t.baseUrl).post('/api/auth/login').set('Accept-Language', 'en').send({ ...wrong, username: 'nobody' }).expect(401);
    expect(en.body).toMatchObject({ code: 'INVALID_CREDENTIALS', title: 'Unauthorized', detail: 'Incorrect username or password' });
  });

  it('errors outside the domain code (unknown route, bad JSON, bad id) are translated too', async () => {
    const route = await request(t.baseUrl).get('/api/nowhere').expect(404);
    expect(route.body).toMatchObject({ code: 'ROUTE_NOT_FOUND', detail: 'Rute GET /api/nowhere tidak ada' });
    const json = await request(t.baseUrl).post('/api/auth/login').set('Content-Type', 'application/json').set('Accept-Language', 'en').send('{"x": ').expect(400);
    expect(json.body).toMatchObject({ code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON' });
    const badId = await admin.get('/api/siswa/abc').expect(400);
    expect(badId.body).toMatchObject({ code: 'INVALID_ID', detail: 'id harus bilangan bulat dari 1 sampai 2147483647, ditulis dengan angka biasa' });
  });
});
