import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';
import { sql } from './prediksi-support/prediksi-helpers';

/**
 * Training reads its set into the worker's typed arrays: above TRAINING_MAX_ROWS (sized for the
 * worker's 1.5 GB heap budget) it is refused before anything is read, and the process keeps serving.
 */
describe('Training: the size guard (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // 20 demo students = 80 student-semesters, over a limit of 50.
    t = await createTestApp({ DEMO_DATA: 'true', DEMO_STUDENTS: '20', TRAINING_MAX_ROWS: '50' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a set larger than TRAINING_MAX_ROWS with 422 naming both numbers; nothing is stored; the API keeps serving', async () => {
    const admin = await tokenFor(t, 'admin');
    const refused = await request(t.baseUrl).post('/api/prediksi/train').set(bearer(admin)).send({}).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'TRAINING_SET_TOO_LARGE', total_data: 80, max_rows: 50 });
    expect(refused.body.detail).toMatch(/80/);
    expect(refused.body.detail).toMatch(/50/);
    // The start-up demo training met the same guard: no model was made, and the app is up.
    const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM model');
    expect(n).toBe(0);
    await request(t.baseUrl).get('/health').expect(200);
  });

  it('trains when the set fits', async () => {
    const t2 = await createTestApp({ DEMO_DATA: 'true', DEMO_STUDENTS: '20', TRAINING_MAX_ROWS: '80' });
    try {
      const [{ n }] = await sql<{ n: number }>(t2, 'SELECT count(*)::int AS n FROM model');
      expect(n).toBe(1);
      // The reader's row digests reach the jsonb column whole: one key per labelled row, 16 hex digits each.
      const [m] = await sql<{ size: number; keys: number; bad: number }>(
        t2,
        `SELECT training_set_size AS size, (SELECT count(*)::int FROM jsonb_each_text(training_rows)) AS keys,
           (SELECT count(*)::int FROM jsonb_each_text(training_rows) e WHERE e.value !~ '^[0-9a-f]{16}$' OR e.key !~ '^[0-9]+:') AS bad FROM model`,
      );
      expect(m.keys).toBe(m.size);
      expect(m.size).toBeGreaterThan(0);
      expect(m.bad).toBe(0);
    } finally {
      await t2.close();
    }
  });
});
