import { type ApiClient, clientAs } from './factories/records';
import { png } from './factories/png';
import { createTestApp, type TestApp } from './utils/test-app';

describe('School identity and logo (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let staf: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    staf = await clientAs(t, 'staf');
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores the identity partially, validates NPSN and NIP, and lets every role read it', async () => {
    expect((await staf.get('/api/settings/sekolah').expect(200)).body).toMatchObject({ nama_sekolah: null, logo: null, logo_url: null });
    await admin
      .put('/api/settings/sekolah')
      .send({ nama_sekolah: 'SMA Negeri 1 Blitar', npsn: '20514123', nip_kepala_sekolah: '19680512 199403 1 007' })
      .expect(200);
    const res = await admin.put('/api/settings/sekolah').send({ kota: 'Blitar', kepala_sekolah: 'Drs. Sutrisno' }).expect(200);
    expect(res.body).toMatchObject({
      nama_sekolah: 'SMA Negeri 1 Blitar',
      npsn: '20514123',
      kota: 'Blitar',
      nip_kepala_sekolah: '196805121994031007',
    });
    const bad = await admin.put('/api/settings/sekolah').send({ npsn: '123', nip_kepala_sekolah: '12' }).expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['nip_kepala_sekolah', 'npsn']);
    await staf.put('/api/settings/sekolah').send({ kota: 'X' }).expect(403);
    expect((await admin.put('/api/settings/sekolah').send({ kota: null }).expect(200)).body.kota).toBeNull();
  });

  it('takes a real PNG logo only, bounded in size', async () => {
    const logo = png(64, 32);
    const up = await admin
      .put('/api/settings/sekolah/logo')
      .attach('file', logo, { filename: 'logo.png', contentType: 'image/png' })
      .expect(200);
    expect(up.body.logo_url).toBe('/api/settings/sekolah/logo');
    expect(up.body.logo).toBe(`data:image/png;base64,${logo.toString('base64')}`);
    const got = await staf
      .get('/api/settings/sekolah/logo')
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      })
      .expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(got.body as Buffer, logo)).toBe(0);

    const fake = await admin
      .put('/api/settings/sekolah/logo')
      .attach('file', Buffer.from('GIF89a'.padEnd(80, 'x')), { filename: 'logo.png', contentType: 'image/png' })
      .expect(422);
    expect(fake.body.code).toBe('LOGO_INVALID');
    await admin
      .put('/api/settings/sekolah/logo')
      .attach('file', png(10, 10, 300 * 1024), 'big.png')
      .expect(413);
    await admin.put('/api/settings/sekolah/logo').send({ logo: 'x' }).expect(415);
    await staf.put('/api/settings/sekolah/logo').attach('file', logo, 'logo.png').expect(403);
    // The stored logo survived the refused uploads.
    expect((await staf.get('/api/settings/sekolah').expect(200)).body.logo_url).toBe('/api/settings/sekolah/logo');

    await admin.delete('/api/settings/sekolah/logo').expect(204);
    await staf.get('/api/settings/sekolah/logo').expect(404);
  });
});
