import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';
import { createSecondInstance, sql, train } from './prediksi-support/prediksi-helpers';

async function servedVersion(baseUrl: string, token: string): Promise<number | null> {
  const res = await request(baseUrl).get('/api/prediksi/model-metrics').set(bearer(token));
  return res.status === 200 ? (res.body.model_version as number) : null;
}

/** Polls until `baseUrl` serves `version`; returns the milliseconds it took. */
async function waitForVersion(baseUrl: string, token: string, version: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await servedVersion(baseUrl, token)) === version) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${baseUrl} did not serve version ${version} within ${timeoutMs} ms`);
}

describe('Prediksi: model registry across instances (e2e)', () => {
  let t: TestApp;
  let second: { app: NestFastifyApplication; baseUrl: string };
  let admin: string;
  let guru: string;
  let staf: string;

  beforeAll(async () => {
    t = await createTestApp();
    second = await createSecondInstance(t);
    admin = await tokenFor(t, 'admin');
    guru = await tokenFor(t, 'guru');
    staf = await tokenFor(t, 'staf');
    await request(t.baseUrl).post('/api/prediksi/generate-dummy-data?count=150').set(bearer(admin)).expect(201);
  });
  afterAll(async () => {
    await second.app.close();
    await t.close();
  });

  it('a model trained on one instance is served by the other within one second', async () => {
    const res = await train(t, admin).expect(201);
    expect(res.body.data.model_version).toBe(1);
    const ms = await waitForVersion(second.baseUrl, guru, 1, 1000);
    expect(ms).toBeLessThan(1000);
  });

  it('training options, the rule labels and features are stored; the registry lists versions', async () => {
    const res = await train(t, admin, { label_source: 'rule', features: ['rata_rata', 'persentase_kehadiran'], confidence_factor: 0.1, min_instances: 5, folds: 5 }).expect(201);
    expect(res.body.data).toMatchObject({ model_version: 2, label_source: 'rule', features: ['rata_rata', 'persentase_kehadiran'] });
    // The rule is a function of these two features: a tree learns it almost perfectly.
    expect(res.body.data.accuracy).toBeGreaterThan(0.95);
    await train(t, admin, { features: ['nilai_fisika'] }).expect(422);
    await train(t, admin, { confidence_factor: 0.9 }).expect(422);

    const list = await request(t.baseUrl).get('/api/prediksi/models').set(bearer(staf)).expect(200);
    expect(list.body.map((m: { version: number; is_active: boolean }) => [m.version, m.is_active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const detail = await request(t.baseUrl).get('/api/prediksi/models/2').set(bearer(staf)).expect(200);
    expect(detail.body).toMatchObject({
      version: 2,
      options: { confidence_factor: 0.1, min_instances: 5, pruned: true, folds: 5 },
      metrics: { cv: { folds: 5 } },
      training_set_size: 600,
      trained_by: expect.any(Number),
    });
    expect(detail.body.training_set_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.body.tree_text).toMatch(/^J48 pruned tree/);
    await request(t.baseUrl).get('/api/prediksi/models/99').set(bearer(staf)).expect(404);
  });

  it('activating (rolling back to) a version on one instance switches the other within one second', async () => {
    await waitForVersion(second.baseUrl, guru, 2, 1000);
    await request(t.baseUrl).post('/api/prediksi/models/1/activate').set(bearer(guru)).expect(403);
    await request(t.baseUrl).post('/api/prediksi/models/1/activate').set(bearer(staf)).expect(403);
    await request(t.baseUrl).post('/api/prediksi/models/99/activate').set(bearer(admin)).expect(404);
    const res = await request(t.baseUrl).post('/api/prediksi/models/1/activate').set(bearer(admin)).expect(200);
    expect(res.body.data).toMatchObject({ version: 1, is_active: true });
    expect(await servedVersion(t.baseUrl, guru)).toBe(1);
    const ms = await waitForVersion(second.baseUrl, guru, 1, 1000);
    expect(ms).toBeLessThan(1000);
    // Predictions on the other instance use the newly active model too.
    const [{ semester, tahun_ajaran }] = await sql<{ semester: string; tahun_ajaran: string }>(t, 'SELECT semester, tahun_ajaran FROM nilai_raport LIMIT 1');
    const batch = await request(second.baseUrl).post('/api/prediksi/batch').set(bearer(guru)).send({ semester, tahun_ajaran }).expect(200);
    expect(batch.body.model_version).toBe(1);
  });

  it('concurrent trainings on two instances: each is a new version or 409, and the registry stays sound', async () => {
    const before = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM model');
    const results = await Promise.all([
      train(t, admin),
      request(second.baseUrl).post('/api/prediksi/train').set(bearer(admin)).send({}),
      train(t, admin),
      request(second.baseUrl).post('/api/prediksi/train').set(bearer(admin)).send({}),
    ]);
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses).toContain(201);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('TRAINING_IN_PROGRESS');
    const created = results.filter((r) => r.status === 201).map((r) => r.body.data.model_version as number);
    const rows = await sql<{ version: number; is_active: boolean }>(t, 'SELECT version, is_active FROM model ORDER BY version');
    expect(rows).toHaveLength(before[0].n + created.length);
    expect(rows.map((r) => r.version)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.is_active)).toHaveLength(1);
    const newest = Math.max(...created);
    expect(rows.find((r) => r.is_active)?.version).toBe(newest);
    await waitForVersion(second.baseUrl, guru, newest, 1000);
    await waitForVersion(t.baseUrl, guru, newest, 1000);
  });

  it('a restarted instance loads the active model from the database', async () => {
    const active = (await sql<{ version: number }>(t, 'SELECT version FROM model WHERE is_active'))[0].version;
    await second.app.close();
    second = await createSecondInstance(t);
    expect(await servedVersion(second.baseUrl, guru)).toBe(active);
  });
});
