import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';
import { type ClientNode, latestSemester, leaves, replay, sql, train } from './prediksi-support/prediksi-helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('Prediksi: demo data → training → explained predictions (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let guru: string;
  let staf: string;
  let period: { semester: string; tahun_ajaran: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
    guru = await tokenFor(t, 'guru');
    staf = await tokenFor(t, 'staf');
  });
  afterAll(async () => {
    await t.close();
  });

  it('before any data: training and prediction are 409 saying how many labelled rows exist; views are 404', async () => {
    const res = await train(t, admin).expect(409);
    // Bahasa Indonesia by default (issue #12).
    expect(res.body.detail).toMatch(/0 berlabel dari 0/);
    expect(res.body.detail).toMatch(/generate-dummy|prestasi/);
    await request(t.baseUrl).post('/api/prediksi').set(bearer(guru)).send({ siswa_id: 1, semester: 'Ganjil', tahun_ajaran: '2023/2024' }).expect(409);
    await request(t.baseUrl).get('/api/prediksi/model-metrics').set(bearer(guru)).expect(404);
    const count = await request(t.baseUrl).get('/api/prediksi/data-count').set(bearer(staf)).expect(200);
    expect(count.body.data).toEqual({ total_data: 0, labeled_data: 0, unlabeled_data: 0, min_required: 10, is_sufficient: false });
  });

  it('demo data and training are admin-only (403 for guru and staf)', async () => {
    for (const token of [guru, staf]) {
      await request(t.baseUrl).post('/api/prediksi/generate-dummy').set(bearer(token)).send({ jumlah_data: 5 }).expect(403);
      await request(t.baseUrl).post('/api/prediksi/generate-dummy-data?count=5').set(bearer(token)).expect(403);
      await request(t.baseUrl).post('/api/prediksi/generate-dummy-by-name').set(bearer(token)).send({ siswa_id: 1, tahun_ajaran: '2023/2024' }).expect(403);
      await train(t, token).expect(403);
    }
  });

  it('generate-dummy creates a school; the client reads jumlah_data', async () => {
    const res = await request(t.baseUrl).post('/api/prediksi/generate-dummy').set(bearer(admin)).send({ jumlah_data: 200 }).expect(201);
    expect(res.body).toMatchObject({ status: 'success', jumlah_data: 200, data: { count: 200, siswa: 200, nilai: 800, presensi: 800, penghasilan: 200, prestasi: 800 } });
    period = await latestSemester(t);
    const count = await request(t.baseUrl).get('/api/prediksi/data-count').set(bearer(guru)).expect(200);
    expect(count.body.data).toMatchObject({ total_data: 800, labeled_data: 800, is_sufficient: true });
  });

  it('training answers the client shape and its CV accuracy beats the majority class', async () => {
    // The client posts no body at all.
    const res = await request(t.baseUrl).post('/api/prediksi/train').set(bearer(admin)).expect(201);
    expect(res.body).toMatchObject({ status: 'success', data: { model_version: 1, samples: 800, label_source: 'prestasi' } });
    const { metrics, accuracy } = res.body.data;
    expect(typeof res.body.message).toBe('string');
    expect(accuracy).toBe(metrics.cv.accuracy);
    expect(metrics.cv).toMatchObject({ folds: 10, folds_requested: 10, folds_note: null });
    expect(accuracy).toBeGreaterThan(metrics.cv.majority_class_rate);
    expect(accuracy).toBeGreaterThan(0.6);

    const mm = await request(t.baseUrl).get('/api/prediksi/model-metrics').set(bearer(staf)).expect(200);
    expect(mm.body).toMatchObject({ status: 'success', model_version: 1, metrics: { accuracy, cv: { folds: 10 } } });
    for (const k of ['precision', 'recall', 'f1_score']) expect(typeof mm.body.metrics[k]).toBe('number');
    expect(typeof mm.body.metrics.cv.std).toBe('number');
    expect(Object.keys(mm.body.metrics.class_report).sort()).toEqual(['Rendah', 'Sedang', 'Tinggi']);
    expect(Number.isNaN(Date.parse(mm.body.last_trained))).toBe(false);

    const cm = await request(t.baseUrl).get('/api/prediksi/confusion-matrix').set(bearer(guru)).expect(200);
    expect(cm.body.labels).toEqual(['Rendah', 'Sedang', 'Tinggi']);
    expect(cm.body.confusion_matrix).toHaveLength(3);
    expect(cm.body.confusion_matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(800);
  });

  it('a prediction follows a path that, replayed on tree-data, reaches the predicted leaf', async () => {
    const [student] = await sql<{ siswa_id: number }>(t, 'SELECT siswa_id FROM nilai_raport WHERE semester = $1 AND tahun_ajaran = $2 ORDER BY siswa_id LIMIT 1', [
      period.semester,
      period.tahun_ajaran,
    ]);
    const res = await request(t.baseUrl).post('/api/prediksi').set(bearer(guru)).send({ siswa_id: student.siswa_id, ...period }).expect(200);
    const p = res.body;
    expect(p).toMatchObject({ siswa_id: student.siswa_id, model_version: 1 });
    expect(['Tinggi', 'Sedang', 'Rendah']).toContain(p.prediksi_prestasi);
    expect(p.confidence).toBe(Math.max(p.probabilities.Tinggi, p.probabilities.Sedang, p.probabilities.Rendah));
    expect(p.probabilities.Tinggi + p.probabilities.Sedang + p.probabilities.Rendah).toBeCloseTo(1, 3);
    expect(typeof p.nama_siswa).toBe('string');
    expect(p.detail_faktor).toMatchObject({ nilai_rata_rata: expect.any(Number), kategori_penghasilan: expect.any(String), kategori_kehadiran: expect.any(String) });
    expect(Object.keys(p.detail_faktor.feature_importances).sort()).toEqual(['kategori_kehadiran', 'kategori_penghasilan', 'rata_rata']);
    const next = period.semester === 'Ganjil' ? { s: 'Genap', ta: period.tahun_ajaran } : { s: 'Ganjil', ta: `${Number(period.tahun_ajaran.slice(5))}/${Number(period.tahun_ajaran.slice(5)) + 1}` };
    expect(p.semester_prediksi).toMatchObject({
      data_dari_semester: period.semester,
      data_dari_tahun_ajaran: period.tahun_ajaran,
      prediksi_untuk_semester: next.s,
      prediksi_untuk_tahun_ajaran: next.ta,
    });

    const treeRes = await request(t.baseUrl).get('/api/prediksi/tree-data').set(bearer(staf)).expect(200);
    expect(treeRes.body).toMatchObject({ status: 'success', class_names: ['Rendah', 'Sedang', 'Tinggi'], model_info: { model_version: 1, samples: 800 } });
    expect(treeRes.body.feature_names).toEqual(['rata_rata', 'kategori_penghasilan', 'kategori_kehadiran']);
    // The client's node labels show at most two decimals; `threshold` stays exact for the walk.
    const numericNodes = (function collect(n: ClientNode): Array<Extract<ClientNode, { type: 'internal' }>> {
      return n.type === 'leaf' ? [] : [...(n.threshold === undefined ? [] : [n]), ...n.children.flatMap(collect)];
    })(treeRes.body.tree_data as ClientNode);
    expect(numericNodes.length).toBeGreaterThan(0);
    for (const n of numericNodes) {
      const shown = String(Math.round(n.threshold! * 100) / 100);
      expect((n as unknown as { condition: string }).condition).toBe(`${n.attribute} <= ${shown}`);
      expect(n.children.map((c) => c.edge_label)).toEqual([`<= ${shown}`, `> ${shown}`]);
    }
    const features = {
      rata_rata: p.detail_faktor.nilai_rata_rata,
      kategori_penghasilan: p.detail_faktor.kategori_penghasilan,
      kategori_kehadiran: p.detail_faktor.kategori_kehadiran,
    };
    const { leaf, path } = replay(treeRes.body.tree_data as ClientNode, features);
    expect(leaf).toMatchObject({ type: 'leaf', prediction: p.prediksi_prestasi });
    expect(p.explanation).toHaveLength(path.length);
    for (const step of p.explanation) {
      expect(step).toEqual({ attribute: expect.any(String), operator: expect.stringMatching(/^(<=|>|=|!=)$/), value: expect.anything(), text: expect.any(String) });
      if (step.attribute === 'rata_rata') {
        expect(step.text).toMatch(/^Nilai rata-rata (≤|>) /);
        expect(step.operator === '<=' ? features.rata_rata <= step.value : features.rata_rata > step.value).toBe(true);
      } else expect(step.value).toBe(features[step.attribute as keyof typeof features]);
    }

    const history = await request(t.baseUrl).get('/api/prediksi/history').set(bearer(staf)).query({ siswa_id: student.siswa_id }).expect(200);
    expect(history.body).toMatchObject({ total: 1, skip: 0, limit: 10 });
    expect(history.body.data[0]).toMatchObject({ siswa_id: student.siswa_id, prediksi_prestasi: p.prediksi_prestasi, model_version: 1, ...period });
  });

  it('404 names what is missing: the student, or nilai/presensi/penghasilan of that semester', async () => {
    await request(t.baseUrl).post('/api/prediksi').set(bearer(guru)).send({ siswa_id: 999999, semester: 'Ganjil', tahun_ajaran: '2023/2024' }).expect(404);
    const [bare] = await sql<{ id: number }>(t, `INSERT INTO siswa (nis, nama, kelas, jenis_kelamin, tanggal_lahir) VALUES ('X99999', 'Tanpa Data', 'X IPA 1', 'L', '2008-01-01') RETURNING id`);
    const res = await request(t.baseUrl).post('/api/prediksi').set(bearer(guru)).send({ siswa_id: bare.id, ...period }).expect(404);
    expect(res.body.detail).toMatch(/nilai, presensi, penghasilan/);
    const made = await request(t.baseUrl).post('/api/prediksi/generate-dummy-by-name').set(bearer(admin)).send({ siswa_id: bare.id, tahun_ajaran: period.tahun_ajaran }).expect(201);
    expect(made.body.data.siswa.nama).toBe('Tanpa Data');
    expect(made.body.data.data_dibuat).toEqual(['2 nilai raport', '2 presensi', '2 prestasi', 'penghasilan orang tua']);
    await sql(t, 'DELETE FROM presensi WHERE siswa_id = $1 AND semester = $2', [bare.id, period.semester]);
    const onlyPresensi = await request(t.baseUrl).post('/api/prediksi').set(bearer(guru)).send({ siswa_id: bare.id, ...period }).expect(404);
    expect(onlyPresensi.body.detail).toMatch(/Belum ada data presensi untuk/);
  });

  it('concurrent predictions are each stored before they answer (grouped writes), one row per student-semester', async () => {
    const students = await sql<{ siswa_id: number }>(
      t,
      `SELECT n.siswa_id FROM nilai_raport n JOIN presensi p USING (siswa_id, semester, tahun_ajaran) JOIN penghasilan_orang_tua o USING (siswa_id)
        WHERE n.semester = $1 AND n.tahun_ajaran = $2 ORDER BY n.siswa_id LIMIT 30`,
      [period.semester, period.tahun_ajaran],
    );
    expect(students.length).toBe(30);
    const ids = students.map((s) => s.siswa_id);
    await sql(t, 'DELETE FROM prediksi_history WHERE siswa_id = ANY($1)', [ids]);
    // Each student twice at once: the same student-semester in one grouped statement is one row.
    const answers = await Promise.all([...ids, ...ids].map((siswa_id) => request(t.baseUrl).post('/api/prediksi').set(bearer(guru)).send({ siswa_id, ...period })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const stored = await sql<{ siswa_id: number; n: number; prediksi_prestasi: string }>(
      t,
      'SELECT siswa_id, count(*)::int AS n, min(prediksi_prestasi) AS prediksi_prestasi FROM prediksi_history WHERE siswa_id = ANY($1) AND semester = $2 AND tahun_ajaran = $3 GROUP BY siswa_id ORDER BY siswa_id',
      [ids, period.semester, period.tahun_ajaran],
    );
    expect(stored).toEqual(ids.map((siswa_id) => ({ siswa_id, n: 1, prediksi_prestasi: answers.find((a) => a.body.siswa_id === siswa_id)!.body.prediksi_prestasi })));
  });

  it('what-if predicts from raw features without storing', async () => {
    const before = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM prediksi_history');
    const res = await request(t.baseUrl)
      .post('/api/prediksi/what-if')
      .set(bearer(staf))
      .send({ rata_rata: 92, kategori_penghasilan: 'Tinggi', kategori_kehadiran: 'Tinggi' })
      .expect(200);
    expect(res.body).toMatchObject({ siswa_id: null, model_version: 1, semester_prediksi: null });
    expect(res.body.explanation.length).toBeGreaterThan(0);
    await request(t.baseUrl).post('/api/prediksi/what-if').set(bearer(staf)).send({ kategori_kehadiran: 'Sangat' }).expect(422);
    expect(await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM prediksi_history')).toEqual(before);
  });

  it('batch answers the client shape and upserts the history', async () => {
    const res = await request(t.baseUrl).post('/api/prediksi/batch').set(bearer(guru)).send(period).expect(200);
    expect(res.body).toMatchObject({ status: 'success', semester: period.semester, tahun_ajaran: period.tahun_ajaran, summary: { total_siswa: 201 } });
    expect(res.body.summary.success_count + res.body.summary.error_count).toBe(201);
    expect(res.body.errors).toEqual([expect.objectContaining({ detail: expect.stringMatching(/presensi/) })]);
    expect(res.body.results[0]).toMatchObject({
      siswa_id: expect.any(Number),
      nama_siswa: expect.any(String),
      kelas: expect.any(String),
      prediksi_prestasi: expect.any(String),
      confidence: expect.any(Number),
      detail_faktor: expect.objectContaining({ nilai_rata_rata: expect.any(Number) }),
      semester_prediksi: expect.objectContaining({ data_dari_semester: period.semester }),
    });
    expect(typeof res.body.processing_time).toBe('number');
    const [{ n }] = await sql<{ n: number }>(t, 'SELECT count(*)::int AS n FROM prediksi_history WHERE semester = $1 AND tahun_ajaran = $2', [period.semester, period.tahun_ajaran]);
    expect(n).toBe(200);
    const kelas = res.body.results[0].kelas as string;
    const one = await request(t.baseUrl).post('/api/prediksi/batch').set(bearer(guru)).send({ ...period, kelas }).expect(200);
    expect(one.body.results.every((r: { kelas: string }) => r.kelas === kelas)).toBe(true);
  });

  it('history: paging, filters, export; delete is admin-only', async () => {
    const page = await request(t.baseUrl).get('/api/prediksi/history').set(bearer(guru)).query({ skip: 5, limit: 20, prediksi_prestasi: 'Tinggi' }).expect(200);
    expect(page.body).toMatchObject({ skip: 5, limit: 20 });
    expect(page.body.data.every((r: { prediksi_prestasi: string }) => r.prediksi_prestasi === 'Tinggi')).toBe(true);
    const all = await request(t.baseUrl).get('/api/prediksi/history').set(bearer(guru)).query({ limit: 1000 }).expect(200);
    const stamps = all.body.data.map((r: { updated_at: string }) => Date.parse(r.updated_at));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
    await request(t.baseUrl).get('/api/prediksi/history').set(bearer(guru)).query({ limit: 10001 }).expect(400);

    const file = await request(t.baseUrl)
      .get('/api/prediksi/history/export/excel')
      .set(bearer(staf))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-disposition']).toMatch(/Riwayat_Prediksi_Prestasi\.xlsx/);
    expect((file.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    const id = all.body.data[0].id as number;
    await request(t.baseUrl).delete(`/api/prediksi/history/${id}`).set(bearer(guru)).expect(403);
    await request(t.baseUrl).delete(`/api/prediksi/history/${id}`).set(bearer(staf)).expect(403);
    await request(t.baseUrl).delete(`/api/prediksi/history/${id}`).set(bearer(admin)).expect(204);
    await request(t.baseUrl).delete(`/api/prediksi/history/${id}`).set(bearer(admin)).expect(404);
  });

  it('model views: rules, PNG visualization, SVG with every leaf, feature statistics', async () => {
    const rules = await request(t.baseUrl).get('/api/prediksi/rules').set(bearer(guru)).expect(200);
    expect(rules.body.rules[0]).toEqual({ conditions: expect.any(Array), class: expect.any(String), samples: expect.any(Number), probability: expect.any(Number) });

    const vis = await request(t.baseUrl).get('/api/prediksi/visualization').set(bearer(staf)).expect(200);
    expect(vis.body).toMatchObject({ status: 'success', data: { format: 'base64', type: 'png' } });
    const png = Buffer.from(vis.body.data.image, 'base64');
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.readUInt32BE(16)).toBeGreaterThan(100); // IHDR width

    const tree = (await request(t.baseUrl).get('/api/prediksi/tree-data').set(bearer(staf)).expect(200)).body.tree_data as ClientNode;
    const svg = await request(t.baseUrl).get('/api/prediksi/tree.svg').set(bearer(guru)).buffer(true).parse((res, cb) => {
      let s = '';
      res.on('data', (c: Buffer) => (s += c.toString('utf8')));
      res.on('end', () => cb(null, s));
    }).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const text = svg.body as string;
    expect(text).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text.trim().endsWith('</svg>')).toBe(true);
    expect(text.match(/<g class="node leaf">/g)?.length).toBe(leaves(tree).length);
    const pngRes = await request(t.baseUrl).get('/api/prediksi/tree.png').set(bearer(guru)).expect(200);
    expect(pngRes.headers['content-type']).toBe('image/png');

    const stats = await request(t.baseUrl).get('/api/prediksi/feature-statistics').set(bearer(guru)).expect(200);
    const d = stats.body.data;
    expect(d.numerical_statistics.rata_rata).toEqual({
      label: expect.any(String), count: 801, min: expect.any(Number), max: expect.any(Number), mean: expect.any(Number),
      median: expect.any(Number), std_dev: expect.any(Number), q1: expect.any(Number), q3: expect.any(Number),
    });
    expect(d.numerical_statistics.rata_rata.q1).toBeLessThanOrEqual(d.numerical_statistics.rata_rata.median);
    expect(d.correlation_matrix.features).toEqual(['rata_rata', 'persentase_kehadiran', 'total_penghasilan']);
    expect(d.correlation_matrix.matrix[0][0]).toBe(1);
    expect(d.categorical_distributions.kategori_kehadiran.total).toBe(801);
    expect(d.categorical_distributions.prediksi_prestasi.total).toBe(801);
    expect(d.summary).toMatchObject({ total_records: 801, labeled_records: 801, features_analyzed: 3, categories_analyzed: 3 });
  });
});
