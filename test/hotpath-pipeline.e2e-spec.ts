import type { ApplicationConfig } from '@nestjs/core';
import request from 'supertest';
import { MediaTypeGuard } from '../src/common/http/media-type.guard';
import { SUBJECT_FIELDS } from '../src/nilai/nilai-subjects';
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

  it('concurrent GET /{id} (read together in one statement) each answer their own row, a fresh object each', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await request(t.baseUrl)
        .post('/api/siswa')
        .set(bearer(admin))
        .send({ nama: `Serentak ${i}`, nis: `77100${i}`, jenis_kelamin: i % 2 ? 'P' : 'L', kelas: 'X-2', tanggal_lahir: '2010-02-01', alamat: 'Jl. Bersama' })
        .expect(201);
      ids.push(res.body.id as number);
    }
    const asked = [...ids, ...ids, ...ids, 99_999_999];
    const answers = await Promise.all(asked.map((id) => request(t.baseUrl).get(`/api/siswa/${id}`).set(bearer(admin))));
    answers.forEach((res, i) => {
      if (asked[i] === 99_999_999) expect(res.status).toBe(404);
      else expect(res.body).toMatchObject({ id: asked[i], nama: `Serentak ${ids.indexOf(asked[i]!)}` });
    });
    // A nilai row (owned by a student) by id, concurrently too: its student's name comes along.
    const nilai = await request(t.baseUrl)
      .post('/api/nilai')
      .set(bearer(admin))
      .send({ siswa_id: ids[0], semester: 'Ganjil', tahun_ajaran: '2026/2027', ...Object.fromEntries(SUBJECT_FIELDS.map((m) => [m, 80])) })
      .expect(201);
    const both = await Promise.all([1, 2].map(() => request(t.baseUrl).get(`/api/nilai/${nilai.body.id}`).set(bearer(admin)).expect(200)));
    for (const res of both) expect(res.body).toMatchObject({ id: nilai.body.id, siswa_id: ids[0], nama_siswa: 'Serentak 0', kelas: 'X-2' });
  });
});
