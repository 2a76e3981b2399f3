import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { presensiCategoryColumn } from '../src/presensi/presensi.record';
import { recomputeCategoriesIfChanged } from '../src/records/threshold-recompute';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';
import { sql, train } from './prediksi-support/prediksi-helpers';
import { ChampionChallengerService } from '../src/prediksi/services/champion-challenger.service';
import { RETRAIN_LOCK_KEY } from '../src/prediksi/services/registry-constants';

/** The labelled training rows as the test understands them (written here, not taken from the app). */
const LABELLED_ROWS = `
  SELECT pr.id, pr.kategori, s.jenis_kelamin, o.kategori_penghasilan
  FROM nilai_raport n
  JOIN siswa s ON s.id = n.siswa_id
  JOIN presensi p ON p.siswa_id = n.siswa_id AND p.semester = n.semester AND p.tahun_ajaran = n.tahun_ajaran
  JOIN penghasilan_orang_tua o ON o.siswa_id = n.siswa_id
  JOIN prestasi pr ON pr.siswa_id = n.siswa_id AND pr.semester = n.semester AND pr.tahun_ajaran = n.tahun_ajaran
  ORDER BY pr.id`;

interface LabelledRow {
  id: number;
  kategori: string;
  jenis_kelamin: string;
  kategori_penghasilan: string;
}

const CLASSES = ['Rendah', 'Sedang', 'Tinggi'];

describe('Model quality: staleness, champion/challenger, compare, fairness, calibration (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let guru: string;
  let rows: LabelledRow[];
  let v1: number;

  const get = (path: string, token = guru): request.Test => request(t.baseUrl).get(path).set(bearer(token));
  const status = async (): Promise<Record<string, unknown>> => (await get('/api/prediksi/models/active/status').expect(200)).body;
  const retrain = (body: object = {}): request.Test =>
    request(t.baseUrl).post('/api/prediksi/retrain-if-stale').set(bearer(admin)).send(body);
  const setLabels = async (changes: Array<{ id: number; kategori: string }>): Promise<void> => {
    await sql(t, 'UPDATE prestasi p SET kategori = c.kategori FROM unnest($1::int[], $2::text[]) AS c(id, kategori) WHERE p.id = c.id', [
      changes.map((c) => c.id),
      changes.map((c) => c.kategori),
    ]);
  };
  /** Another class for each of the given rows. */
  const relabelled = (subset: LabelledRow[]): Array<{ id: number; kategori: string }> =>
    subset.map((r) => ({ id: r.id, kategori: CLASSES[(CLASSES.indexOf(r.kategori) + 1) % 3] }));

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_TRAIN: '0' });
    admin = await tokenFor(t, 'admin');
    guru = await tokenFor(t, 'guru');
    await request(t.baseUrl).post('/api/prediksi/generate-dummy-data?count=150').set(bearer(admin)).expect(201);
    rows = await sql<LabelledRow>(t, LABELLED_ROWS);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the static routes are not taken for models/:version', async () => {
    const none = await get('/api/prediksi/models/active/status').expect(404);
    expect(none.body.code).toBe('MODEL_NOT_FOUND');
    const missing = await get('/api/prediksi/models/compare?a=1').expect(400);
    expect(missing.body.code).not.toBe('INVALID_ID');
    await get('/api/prediksi/models/compare?a=1&b=x').expect(400);
    await get('/api/prediksi/models/compare?a=1&b=2').expect(404);
    await get('/api/prediksi/models/abc/fairness').expect(400);
  });

  it('a fresh model is not stale; retrain-if-stale then does nothing; the flag and the gauge say so', async () => {
    const trained = await train(t, admin).expect(201);
    v1 = trained.body.data.model_version;
    const s = await status();
    expect(s).toMatchObject({
      model_version: v1,
      stale: false,
      reasons: [],
      rows_at_training: rows.length,
      rows_now: rows.length,
      changed_rows_pct: 0,
      thresholds_changed: false,
    });
    expect(s.age_days).toBeLessThan(0.01);
    await request(t.baseUrl).post('/api/prediksi/retrain-if-stale').set(bearer(guru)).send({}).expect(403);
    const r = await retrain().expect(200);
    expect(r.body).toMatchObject({ retrained: false, challenger_version: null, decision: null, status: { stale: false } });
    expect((await get('/api/prediksi/models').expect(200)).body).toHaveLength(1);
    expect((await get('/api/prediksi/model-metrics').expect(200)).body.stale).toBe(false);
    expect((await request(t.baseUrl).get('/metrics').expect(200)).text).toMatch(/^edupro_active_model_stale 0$/m);
  });

  it('fairness: per-group counts match the rows, and group accuracies add up to the CV accuracy', async () => {
    const f = (await get(`/api/prediksi/models/${v1}/fairness`).expect(200)).body;
    expect(f).toMatchObject({ model_version: v1, source: 'cross_validation', folds: 10, rows: rows.length });
    const detail = (await get(`/api/prediksi/models/${v1}`).expect(200)).body;
    for (const attribute of ['jenis_kelamin', 'kategori_penghasilan'] as const) {
      const groups = f.attributes[attribute].groups as Array<{
        group: string;
        count: number;
        accuracy: number;
        at_risk_count: number;
        predicted_rate: Record<string, number>;
      }>;
      const expected: Record<string, { count: number; rendah: number }> = {};
      for (const r of rows) {
        const g = (expected[r[attribute]] ??= { count: 0, rendah: 0 });
        g.count++;
        if (r.kategori === 'Rendah') g.rendah++;
      }
      expect(Object.fromEntries(groups.map((g) => [g.group, { count: g.count, rendah: g.at_risk_count }]))).toEqual(expected);
      const correct = groups.reduce((s, g) => s + g.accuracy * g.count, 0);
      expect(correct / rows.length).toBeCloseTo(detail.metrics.cv.accuracy, 2);
      for (const g of groups) expect(Object.values(g.predicted_rate).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 3);
    }
    expect(f.attributes.jenis_kelamin.groups.map((g: { group: string }) => g.group)).toEqual(['L', 'P']);
  });

  it('calibration: both leaf estimates from the same CV; training with laplace changes probabilities, not trees', async () => {
    const plain = (await get(`/api/prediksi/models/${v1}/calibration`).expect(200)).body;
    expect(plain).toMatchObject({
      model_version: v1,
      used: 'plain',
      rows: rows.length,
      better: expect.stringMatching(/^(plain|laplace)$/),
    });
    for (const k of ['plain', 'laplace'] as const) {
      expect(plain[k].brier).toBeGreaterThan(0);
      expect(plain[k].brier).toBeLessThan(2);
      expect(plain[k].ece).toBeGreaterThanOrEqual(0);
      expect(plain[k].bins.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(rows.length);
    }
    const withLaplace = await train(t, admin, { laplace: true }).expect(201);
    const vl = withLaplace.body.data.model_version as number;
    const detail = (await get(`/api/prediksi/models/${vl}`).expect(200)).body;
    expect(detail.options.laplace).toBe(true);
    const lap = (await get(`/api/prediksi/models/${vl}/calibration`).expect(200)).body;
    expect(lap.used).toBe('laplace');
    expect({ plain: lap.plain, laplace: lap.laplace, better: lap.better }).toEqual({
      plain: plain.plain,
      laplace: plain.laplace,
      better: plain.better,
    });
    const cmp = (await get(`/api/prediksi/models/compare?a=${v1}&b=${vl}`).expect(200)).body;
    expect(cmp.disagreement.disagree).toBe(0);
  });

  it('exclude_features trains without a sensitive attribute; compare shows both side by side', async () => {
    const noFeatures = await train(t, admin, { features: ['kategori_penghasilan'], exclude_features: ['kategori_penghasilan'] }).expect(
      422,
    );
    expect(noFeatures.body.code).toBe('TRAINING_NO_FEATURES_LEFT');
    await train(t, admin, { exclude_features: ['nilai_fisika'] }).expect(422);
    const res = await train(t, admin, { exclude_features: ['kategori_penghasilan'] }).expect(201);
    const ve = res.body.data.model_version as number;
    expect(res.body.data.features).toEqual(['rata_rata', 'kategori_kehadiran']);
    const f = (await get(`/api/prediksi/models/${ve}/fairness`).expect(200)).body;
    expect(f.features).toEqual(['rata_rata', 'kategori_kehadiran']);
    // The report still covers the attribute the model no longer sees.
    expect(f.attributes.kategori_penghasilan.groups.length).toBeGreaterThan(1);

    const cmp = (await get(`/api/prediksi/models/compare?a=${v1}&b=${ve}`).expect(200)).body;
    expect(cmp.a).toMatchObject({ version: v1, features: ['rata_rata', 'kategori_penghasilan', 'kategori_kehadiran'] });
    expect(cmp.b).toMatchObject({ version: ve, features: ['rata_rata', 'kategori_kehadiran'], is_active: true });
    for (const side of [cmp.a, cmp.b]) {
      expect(side.metrics).toMatchObject({
        accuracy: expect.any(Number),
        tree_size: expect.any(Number),
        num_leaves: expect.any(Number),
        recall_rendah: expect.any(Number),
      });
      expect(side.calibration).toMatchObject({ used: 'plain', brier: expect.any(Number), ece: expect.any(Number) });
    }
    const [{ n }] = await sql<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM nilai_raport n JOIN presensi p ON p.siswa_id = n.siswa_id AND p.semester = n.semester AND p.tahun_ajaran = n.tahun_ajaran
       JOIN penghasilan_orang_tua o ON o.siswa_id = n.siswa_id`,
    );
    expect(cmp.disagreement.rows).toBe(n);
    expect(cmp.disagreement.pairs.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(cmp.disagreement.disagree);
    const self = (await get(`/api/prediksi/models/compare?a=${v1}&b=${v1}`).expect(200)).body;
    expect(self.disagreement).toMatchObject({ rows: n, disagree: 0, pairs: [] });
    await request(t.baseUrl).post(`/api/prediksi/models/${v1}/activate`).set(bearer(admin)).expect(200);
  });

  it('staleness flips once 10 % of the labelled rows changed, and back when they are restored', async () => {
    const needed = Math.ceil(rows.length * 0.1);
    // Spread over the school: every fifth row.
    const subset = rows.filter((_, i) => i % 5 === 0).slice(0, needed);
    expect(subset).toHaveLength(needed);
    await setLabels(relabelled(subset.slice(0, needed - 1)));
    const below = await status();
    expect(below).toMatchObject({ stale: false, reasons: [], thresholds_changed: false });
    expect(below.changed_rows_pct).toBeCloseTo((100 * (needed - 1)) / rows.length, 2);

    await setLabels(relabelled(subset.slice(needed - 1)));
    const above = await status();
    expect(above).toMatchObject({ stale: true, reasons: ['labelled_rows_changed'], rows_now: rows.length });
    expect(above.changed_rows_pct).toBeGreaterThanOrEqual(10);
    expect((await get('/api/prediksi/model-metrics').expect(200)).body.stale).toBe(true);
    expect((await request(t.baseUrl).get('/metrics').expect(200)).text).toMatch(/^edupro_active_model_stale 1$/m);

    await setLabels(subset);
    expect(await status()).toMatchObject({ stale: false, changed_rows_pct: 0 });
    // A deleted labelled row counts as a change too.
    await sql(t, 'DELETE FROM prestasi WHERE id = $1', [rows[0].id]);
    expect((await status()).rows_now).toBe(rows.length - 1);
  });

  it('staleness flips after a threshold change, and back when the thresholds return', async () => {
    const ds = t.app.get(DataSource);
    await recomputeCategoriesIfChanged(ds, presensiCategoryColumn({ attendanceHighMin: 90, attendanceMediumMin: 85 }));
    const changed = await status();
    expect(changed).toMatchObject({ stale: true, thresholds_changed: true });
    expect(changed.reasons).toContain('thresholds_changed');
    await recomputeCategoriesIfChanged(ds, presensiCategoryColumn({ attendanceHighMin: 80, attendanceMediumMin: 75 }));
    expect(await status()).toMatchObject({ thresholds_changed: false });
  });

  it('a challenger worse than the champion is kept inactive with the reason, and the decision is an event', async () => {
    // Half the labels scrambled: the data no longer says much, the challenger's CV accuracy falls.
    await setLabels(relabelled(rows.filter((_, i) => i % 2 === 1)));
    expect((await status()).stale).toBe(true);
    const res = await retrain().expect(200);
    expect(res.body).toMatchObject({
      retrained: true,
      status: { model_version: v1, stale: true },
      decision: { activated: false, champion_version: v1, trigger: 'request' },
    });
    const challenger = res.body.challenger_version as number;
    expect(res.body.decision.reasons).toContain('accuracy_drop_exceeds_max');
    expect(res.body.decision.accuracy_drop).toBeGreaterThan(0.01);

    expect((await get('/api/prediksi/model-metrics').expect(200)).body.model_version).toBe(v1);
    const stored = (await get(`/api/prediksi/models/${challenger}`).expect(200)).body;
    expect(stored.is_active).toBe(false);
    const [event] = await sql<{
      category: string;
      user_id: number;
      changes: { activated: boolean; reasons: string[]; champion_version: number };
    }>(
      t,
      `SELECT category, user_id, changes FROM event_log WHERE action = 'model.challenger_decision' AND entity_type = 'model' AND entity_id = $1`,
      [String(challenger)],
    );
    expect(event).toMatchObject({ category: 'ML', user_id: expect.any(Number), changes: { activated: false, champion_version: v1 } });
    expect(event.changes.reasons).toEqual(res.body.decision.reasons);

    const cmp = (await get(`/api/prediksi/models/compare?a=${v1}&b=${challenger}`).expect(200)).body;
    expect(cmp.b.challenger).toMatchObject({ activated: false, champion_version: v1 });
  });

  it('the schedule retrains a stale champion once per tick, whichever instance comes first', async () => {
    const scheduler = t.app.get(ChampionChallengerService);
    const slot = Math.floor(Date.now() / 60_000);
    const first = await scheduler.retrainIfStale({ trigger: 'schedule', slot });
    expect(first).toMatchObject({ retrained: true, decision: { activated: false, trigger: 'schedule', champion_version: v1 } });
    const again = await scheduler.retrainIfStale({ trigger: 'schedule', slot });
    expect(again).toMatchObject({ retrained: false, challenger_version: null, status: { stale: true } });
    const [event] = await sql<{ method: string; user_id: number | null }>(t, `SELECT method, user_id FROM event_log WHERE action = 'model.challenger_decision' AND entity_id = $1`, [
      String(first.challenger_version),
    ]);
    expect(event).toEqual({ method: 'CRON', user_id: null });
  });

  it('a challenger at least as good as the champion is activated', async () => {
    // The scrambled data becomes the champion, then the true labels return.
    const noisy = (await train(t, admin).expect(201)).body.data.model_version as number;
    await setLabels(rows.slice(1));
    expect((await status()).stale).toBe(true);
    const res = await retrain().expect(200);
    expect(res.body).toMatchObject({
      retrained: true,
      status: { model_version: noisy },
      decision: { activated: true, reasons: [], champion_version: noisy },
    });
    expect(res.body.decision.accuracy_drop).toBeLessThan(0);
    const challenger = res.body.challenger_version as number;
    expect((await get('/api/prediksi/model-metrics').expect(200)).body).toMatchObject({ model_version: challenger, stale: false });
    const [event] = await sql<{ changes: { activated: boolean } }>(
      t,
      `SELECT changes FROM event_log WHERE action = 'model.challenger_decision' AND entity_id = $1`,
      [String(challenger)],
    );
    expect(event.changes.activated).toBe(true);
  });
  it('one retraining at a time: while another session holds the lock, 409 RETRAIN_IN_PROGRESS', async () => {
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [RETRAIN_LOCK_KEY]);
      const res = await retrain({ force: true }).expect(409);
      expect(res.body.code).toBe('RETRAIN_IN_PROGRESS');
      await other.query('SELECT pg_advisory_unlock($1)', [RETRAIN_LOCK_KEY]);
    } finally {
      await other.end();
    }
    const before = (await get('/api/prediksi/models').expect(200)).body.length;
    const res = await retrain({ force: true }).expect(200);
    expect(res.body.retrained).toBe(true);
    expect((await get('/api/prediksi/models').expect(200)).body).toHaveLength(before + 1);
  });

  it('too old, and trained before provenance was recorded: stale, saying why; reports not recorded → 404', async () => {
    const active = (await get('/api/prediksi/model-metrics').expect(200)).body.model_version as number;
    await sql(t, `UPDATE model SET trained_at = now() - interval '200 days' WHERE version = $1`, [active]);
    await request(t.baseUrl).post(`/api/prediksi/models/${active}/activate`).set(bearer(admin)).expect(200);
    const old = await status();
    expect(old).toMatchObject({ stale: true, reasons: ['too_old'], max_age_days: 180 });
    expect(old.age_days).toBeGreaterThan(199);

    await sql(t, 'UPDATE model SET provenance = NULL, training_rows = NULL, fairness = NULL, calibration = NULL WHERE version = $1', [active]);
    await request(t.baseUrl).post(`/api/prediksi/models/${active}/activate`).set(bearer(admin)).expect(200);
    expect(await status()).toMatchObject({ stale: true, reasons: ['provenance_unknown', 'too_old'], rows_now: null, changed_rows_pct: null, thresholds_changed: null });
    const fairness = await get(`/api/prediksi/models/${active}/fairness`).expect(404);
    expect(fairness.body.code).toBe('MODEL_QUALITY_NOT_RECORDED');
    await get(`/api/prediksi/models/${active}/calibration`).expect(404);
  });
});
