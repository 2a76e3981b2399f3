import type { ApplicationConfig } from '@nestjs/core';
import request from 'supertest';
import { MediaTypeGuard } from '../src/common/http/media-type.guard';
import { bearer, tokenFor } from './utils/auth';
import { eventsOf } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * The hot path's shape (issue #15): no global interceptor, so Nest calls handlers without wrapping
 * them in rxjs; the checks that were interceptors answer at the same point of the pipeline.
 */
describe('Hot path pipeline (e2e)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => void (admin = await tokenFor((t = await createTestApp()), 'admin')));
  afterAll(() => t.close());

  it('has no global interceptor, and the media-type check is the last global guard', () => {
    const config = (t.app as unknown as { config: ApplicationConfig }).config;
    expect(config.getGlobalInterceptors()).toHaveLength(0);
    expect(config.getGlobalGuards().at(-1)).toBeInstanceOf(MediaTypeGuard);
  });

  it('answers 401 before 415 before 422, as when the media type was an interceptor', async () => {
    await request(t.baseUrl).post('/api/siswa').set('Content-Type', 'text/plain').send('x').expect(401);
    const refused = await request(t.baseUrl).post('/api/siswa').set(bearer(admin)).set('Content-Type', 'text/plain').send('x').expect(415);
    expect(refused.body.detail).toEqual(expect.any(String));
    await request(t.baseUrl).post('/api/siswa').set(bearer(admin)).send({}).expect(422);
  });

  it('an event row still names the object a handler returned', async () => {
    const created = await request(t.baseUrl)
      .post('/api/siswa')
      .set(bearer(admin))
      .send({ nama: 'Hot Path', nis: '7700001', jenis_kelamin: 'L', kelas: 'X-1', tanggal_lahir: '2010-01-01', alamat: 'Jl. Cepat' })
      .expect(201);
    const id = `hotpath-${Date.now()}`;
    await request(t.baseUrl).get(`/api/siswa/${created.body.id}`).set(bearer(admin)).set('X-Request-Id', id).expect(200);
    const [row] = await eventsOf(t, id);
    expect(row).toMatchObject({ status: 200, entity_type: 'siswa', entity_id: String(created.body.id) });
  });
});
