import { type ApiClient, clientAs, createSiswa, makeNilai, makePresensi } from './factories/records';
import { eventsOf } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';
import { csvOf } from './factories/records';

/** A year's lifecycle (issue #13): years, rombels, members, assignments, KKM, promotion, graduates. */
describe('School years, rombels and promotion (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let guru: ApiClient;
  let guruId: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    guru = await clientAs(t, 'guru');
    guruId = (await guru.get('/api/auth/me').expect(200)).body.id as number;
  });
  afterAll(async () => {
    await t.close();
  });

  const year = async (nama: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: number }> =>
    (
      await admin
        .post('/api/tahun-ajaran')
        .send({ nama, ...extra })
        .expect(201)
    ).body;
  const rombel = async (body: Record<string, unknown>): Promise<{ id: number; nama: string }> =>
    (await admin.post('/api/rombel').send(body).expect(201)).body;

  it('accepts any well-formed tahun_ajaran in records until the first year exists, then only existing years', async () => {
    const s = await createSiswa(t);
    await admin
      .post('/api/nilai')
      .send(makeNilai(s.id, { tahun_ajaran: '2019/2020' }))
      .expect(201);

    const first = await year('2024/2025');
    expect(first).toMatchObject({
      nama: '2024/2025',
      mulai: '2024-07-01',
      selesai: '2025-06-30',
      aktif: true,
      semester_aktif: 'Ganjil',
      kkm_default: 75,
    });

    const refused = await admin
      .post('/api/presensi')
      .send(makePresensi(s.id, { tahun_ajaran: '2030/2031' }))
      .expect(422);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'TAHUN_AJARAN_UNKNOWN', errors: [{ field: 'tahun_ajaran' }] });
    expect(refused.body.detail).toMatch(/bukan nama tahun ajaran/);
    await admin
      .post('/api/presensi')
      .send(makePresensi(s.id, { tahun_ajaran: '2024/2025' }))
      .expect(201);
    // A row that predates the years stays editable as long as it keeps its year.
    const old = (await admin.get(`/api/nilai?siswa_id=${s.id}`).expect(200)).body[0];
    await admin.put(`/api/nilai/${old.id}`).send({ matematika: 50 }).expect(200);
    await admin.put(`/api/nilai/${old.id}`).send({ tahun_ajaran: '2031/2032' }).expect(422);
  });

  it('keeps exactly one active year', async () => {
    const next = await year('2025/2026', { mulai: '2025-07-14' });
    expect(next.aktif).toBe(false);
    await admin.post('/api/tahun-ajaran').send({ nama: '2025/2026' }).expect(409);
    await admin.post('/api/tahun-ajaran').send({ nama: '2025/2027' }).expect(422);
    await admin.post('/api/tahun-ajaran').send({ nama: '2026/2027', mulai: '2027-01-01', selesai: '2026-12-01' }).expect(422);

    const list = await guru.get('/api/tahun-ajaran').expect(200);
    expect(list.headers['x-total-count']).toBe(String(list.body.length));
    expect(list.body.filter((y: { aktif: boolean }) => y.aktif)).toHaveLength(1);

    const active = (await guru.get('/api/tahun-ajaran/aktif').expect(200)).body;
    await admin.put(`/api/tahun-ajaran/${active.id}`).send({ aktif: false }).expect(422);
    await guru.post('/api/tahun-ajaran').send({ nama: '2040/2041' }).expect(403);
    await guru.post(`/api/tahun-ajaran/${next.id}/activate`).send({}).expect(403);
    await admin.get('/api/tahun-ajaran/999999').expect(404);
  });

  it('sets KKM per subject with the year default for the rest', async () => {
    const y = (await admin.get('/api/tahun-ajaran/aktif').expect(200)).body;
    const res = await admin
      .put(`/api/tahun-ajaran/${y.id}/kkm`)
      .send({ kkm_default: 70, mapel: { matematika: 80 } })
      .expect(200);
    expect(res.body.mapel).toMatchObject({ matematika: 80, ipa: 70, dasar_kejuruan: 70 });
    expect(res.body.khusus).toEqual(['matematika']);
    expect(Object.keys(res.body.mapel)).toHaveLength(11);
    await admin
      .put(`/api/tahun-ajaran/${y.id}/kkm`)
      .send({ mapel: { fisika: 70, ipa: 101 } })
      .expect(422);
    const reset = await admin
      .put(`/api/tahun-ajaran/${y.id}/kkm`)
      .send({ mapel: { matematika: null } })
      .expect(200);
    expect(reset.body.mapel.matematika).toBe(70);
    expect((await guru.get(`/api/tahun-ajaran/${y.id}/kkm`).expect(200)).body.khusus).toEqual([]);
  });

  it('runs a year: rombels, members, assignments, promotion with every decision, graduates leave default lists', async () => {
    const y1 = await year('2027/2028', { aktif: true });
    const y2 = await year('2028/2029');
    const xa = await rombel({ nama: 'X IPA 1', tingkat: 10, jurusan: 'IPA', tahun_ajaran_id: y1.id, wali_kelas_id: guruId });
    const xii = await rombel({ nama: 'XII IPA 1', tingkat: 12, jurusan: 'IPA', tahun_ajaran_id: y1.id });
    const xia = await rombel({ nama: 'XI IPA 1', tingkat: 11, tahun_ajaran_id: y2.id });
    const xb = await rombel({ nama: 'X IPA 1', tingkat: 10, tahun_ajaran_id: y2.id });
    await admin.post('/api/rombel').send({ nama: 'X IPA 1', tingkat: 10, tahun_ajaran_id: y1.id }).expect(409);
    await admin.post('/api/rombel').send({ nama: 'X IPA 9', tingkat: 13, tahun_ajaran_id: y1.id }).expect(422);
    const adminId = (await admin.get('/api/auth/me').expect(200)).body.id;
    await admin.post('/api/rombel').send({ nama: 'X IPA 9', tingkat: 10, tahun_ajaran_id: y1.id, wali_kelas_id: adminId }).expect(422);
    await guru.post('/api/rombel').send({ nama: 'X IPA 8', tingkat: 10, tahun_ajaran_id: y1.id }).expect(403);

    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => createSiswa(t, { kelas: 'baru' })));
    const e = await createSiswa(t, { kelas: 'baru' });
    const added = await admin
      .post(`/api/rombel/${xa.id}/siswa`)
      .send({ siswa_ids: [a.id, b.id, c.id, d.id, a.id] })
      .expect(200);
    expect(added.body).toMatchObject({ added: [a.id, b.id, c.id, d.id], jumlah_siswa: 4 });
    await admin
      .post(`/api/rombel/${xii.id}/siswa`)
      .send({ siswa_ids: [e.id] })
      .expect(200);
    // The active year's rombel name becomes the kelas the client shows.
    expect((await admin.get(`/api/siswa/${a.id}`).expect(200)).body.kelas).toBe('X IPA 1');
    // One rombel per student and year (the database enforces it; the answer names the rombel).
    const twice = await admin
      .post(`/api/rombel/${xii.id}/siswa`)
      .send({ siswa_ids: [a.id] })
      .expect(409);
    expect(twice.body.detail).toContain('X IPA 1');
    await admin
      .post(`/api/rombel/${xa.id}/siswa`)
      .send({ siswa_ids: [999999] })
      .expect(404);
    const members = await guru.get(`/api/rombel/${xa.id}/siswa`).expect(200);
    expect(members.body.map((m: { siswa_id: number }) => m.siswa_id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
    expect((await guru.get(`/api/rombel/${xa.id}`).expect(200)).body).toMatchObject({
      jumlah_siswa: 4,
      wali_kelas_id: guruId,
      tahun_ajaran: '2027/2028',
    });
    const listed = await guru.get(`/api/rombel?tahun_ajaran_id=${y1.id}`).expect(200);
    expect(listed.body.map((r: { nama: string }) => r.nama)).toEqual(['X IPA 1', 'XII IPA 1']);
    await admin.delete(`/api/rombel/${xa.id}`).expect(409);

    const assignment = await admin.post('/api/penugasan').send({ guru_id: guruId, rombel_id: xa.id, mapel: 'matematika' }).expect(201);
    expect(assignment.body).toMatchObject({ guru_id: guruId, rombel: 'X IPA 1', tahun_ajaran_id: y1.id, mapel: 'matematika' });
    await admin.post('/api/penugasan').send({ guru_id: guruId, rombel_id: xa.id, mapel: 'matematika' }).expect(409);
    await admin.post('/api/penugasan').send({ guru_id: guruId, rombel_id: xa.id, mapel: 'fisika' }).expect(422);
    await admin.post('/api/penugasan').send({ guru_id: adminId, rombel_id: xa.id, mapel: 'ipa' }).expect(422);
    await admin.post('/api/penugasan').send({ guru_id: guruId, rombel_id: 999999, mapel: 'ipa' }).expect(404);
    const assignments = await admin.get(`/api/penugasan?guru_id=${guruId}`).expect(200);
    expect(assignments.body).toHaveLength(1);
    await guru.get('/api/penugasan').expect(403);

    // The proposal: X IPA 1 → XI IPA 1 of the next year, XII graduates.
    const proposal = await admin.post(`/api/tahun-ajaran/${y1.id}/kenaikan-otomatis?dry_run=true`).expect(200);
    const forXa = proposal.body.rombel.find((r: { rombel_id: number }) => r.rombel_id === xa.id);
    expect(forXa.keputusan).toHaveLength(4);
    expect(forXa.keputusan.every((k: { status: string; ke_rombel_id: number }) => k.status === 'naik' && k.ke_rombel_id === xia.id)).toBe(
      true,
    );
    expect(proposal.body.rombel.find((r: { rombel_id: number }) => r.rombel_id === xii.id).keputusan).toEqual([
      expect.objectContaining({ siswa_id: e.id, status: 'lulus', ke_rombel_id: null }),
    ]);

    const decisions = [
      { siswa_id: a.id, status: 'naik', ke_rombel_id: xia.id },
      { siswa_id: b.id, status: 'tinggal', ke_rombel_id: xb.id },
      { siswa_id: c.id, status: 'keluar' },
      { siswa_id: d.id, status: 'naik', ke_rombel_id: xb.id }, // wrong tingkat: nothing may change
    ];
    const invalid = await admin.post(`/api/rombel/${xa.id}/kenaikan`).send({ keputusan: decisions }).expect(422);
    expect(invalid.body.code).toBe('KENAIKAN_INVALID');
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'keputusan[3].ke_rombel_id' })]);
    const missing = await admin
      .post(`/api/rombel/${xa.id}/kenaikan`)
      .send({ keputusan: decisions.slice(0, 3) })
      .expect(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(`siswa ${d.id}`) })]);
    expect((await admin.get(`/api/siswa/${c.id}`).expect(200)).body.status).toBe('aktif');
    expect((await admin.get(`/api/rombel/${xia.id}`).expect(200)).body.jumlah_siswa).toBe(0);

    decisions[3] = { siswa_id: d.id, status: 'lulus' };
    const dry = await admin.post(`/api/rombel/${xa.id}/kenaikan`).send({ keputusan: decisions, dry_run: true }).expect(200);
    expect(dry.body).toMatchObject({
      dry_run: true,
      ringkasan: { naik: 1, tinggal: 1, keluar: 1, lulus: 1 },
      ke_tahun_ajaran: '2028/2029',
    });
    expect((await admin.get(`/api/rombel/${xia.id}`).expect(200)).body.jumlah_siswa).toBe(0);

    const requestId = `kenaikan-${xa.id}-${Date.now()}`;
    const done = await admin
      .post(`/api/rombel/${xa.id}/kenaikan`)
      .set('X-Request-Id', requestId)
      .send({ keputusan: decisions })
      .expect(200);
    // One event carrying every student's before and after.
    const [event] = await eventsOf(t, requestId);
    expect(event).toMatchObject({ entity_type: 'kenaikan', entity_id: String(xa.id) });
    const changes = event.changes as { before: unknown[]; after: unknown[] };
    expect(changes.before).toHaveLength(4);
    expect(changes.before).toEqual(expect.arrayContaining([{ siswa_id: c.id, rombel_id: xa.id, status: 'aktif' }]));
    expect(changes.after).toEqual(expect.arrayContaining([{ siswa_id: c.id, keputusan: 'keluar', rombel_id: null, status: 'keluar' }]));
    expect(done.body.hasil).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ siswa_id: a.id, keputusan: 'naik', ke_rombel: 'XI IPA 1', status_sesudah: 'aktif' }),
        expect.objectContaining({
          siswa_id: c.id,
          keputusan: 'keluar',
          ke_rombel_id: null,
          status_sebelum: 'aktif',
          status_sesudah: 'keluar',
        }),
      ]),
    );
    await admin.post(`/api/rombel/${xa.id}/kenaikan`).send({ keputusan: decisions }).expect(409);
    // A proposal posts back as it is (its informative fields are ignored).
    const xiiProposal = proposal.body.rombel.find((r: { rombel_id: number }) => r.rombel_id === xii.id);
    await admin.post(`/api/rombel/${xii.id}/kenaikan`).send({ keputusan: xiiProposal.keputusan }).expect(200);

    // Graduates and leavers leave the default list; status=semua shows everyone.
    const defaultList = (await admin.get('/api/siswa?limit=1000').expect(200)).body.map((s: { id: number }) => s.id);
    expect(defaultList).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(defaultList).not.toEqual(expect.arrayContaining([c.id]));
    expect(defaultList).not.toContain(d.id);
    expect(defaultList).not.toContain(e.id);
    const lulus = (await admin.get('/api/siswa?status=lulus').expect(200)).body.map((s: { id: number }) => s.id);
    expect(lulus.sort()).toEqual([d.id, e.id].sort());
    const all = await admin.get('/api/siswa?status=semua&limit=1000').expect(200);
    expect(all.body.map((s: { id: number }) => s.id)).toEqual(expect.arrayContaining([a.id, c.id, d.id, e.id]));
    await admin.get('/api/siswa?status=pensiun').expect(400);

    // Activating the next year moves the kelas text to the new rombels.
    await admin.post(`/api/tahun-ajaran/${y2.id}/activate`).send({ semester_aktif: 'Genap' }).expect(200);
    expect((await admin.get(`/api/siswa/${a.id}`).expect(200)).body.kelas).toBe('XI IPA 1');
    expect((await admin.get(`/api/siswa/${b.id}`).expect(200)).body.kelas).toBe('X IPA 1');
    const years = (await admin.get('/api/tahun-ajaran').expect(200)).body as Array<{ id: number; aktif: boolean; semester_aktif: string }>;
    expect(years.filter((y) => y.aktif)).toEqual([expect.objectContaining({ id: y2.id, semester_aktif: 'Genap' })]);

    const riwayat = await guru.get(`/api/siswa/${a.id}/riwayat-kelas`).expect(200);
    expect(riwayat.body).toEqual([
      expect.objectContaining({ tahun_ajaran: '2027/2028', rombel: 'X IPA 1', tingkat: 10, keputusan: 'naik' }),
      expect.objectContaining({ tahun_ajaran: '2028/2029', rombel: 'XI IPA 1', tingkat: 11, keputusan: null }),
    ]);
    await guru.get('/api/siswa/999999/riwayat-kelas').expect(404);

    await admin.delete(`/api/rombel/${xia.id}/siswa/${a.id}`).expect(204);
    await admin.delete(`/api/rombel/${xia.id}/siswa/${a.id}`).expect(404);
  });

  it('keeps nisn unique and 10 digits, status writable', async () => {
    const nisn = String(Date.now()).slice(-10);
    const s = await createSiswa(t);
    const res = await admin.put(`/api/siswa/${s.id}`).send({ nisn, status: 'Mutasi' }).expect(200);
    expect(res.body).toMatchObject({ nisn, status: 'mutasi' });
    const other = await createSiswa(t);
    const dup = await admin.put(`/api/siswa/${other.id}`).send({ nisn }).expect(409);
    expect(dup.body.code).toBe('NISN_DUPLICATE');
    await admin.put(`/api/siswa/${other.id}`).send({ nisn: '12345' }).expect(422);
    // A later partial update keeps status and nisn.
    expect((await admin.put(`/api/siswa/${s.id}`).send({ alamat: 'Jl. Baru 2' }).expect(200)).body).toMatchObject({
      nisn,
      status: 'mutasi',
    });
  });

  it('refuses an upload naming a year that does not exist, writing nothing', async () => {
    const s1 = await createSiswa(t);
    const headers = ['Siswa ID', 'Semester', 'Tahun Ajaran', 'Kategori', 'Catatan'];
    const file = csvOf(headers, [
      [s1.id, 'Ganjil', '2024/2025', 'Tinggi', 'ok'],
      [s1.id, 'Genap', '2035/2036', 'Sedang', 'no such year'],
    ]);
    const res = await admin.post('/api/prestasi/upload/excel').attach('file', file, 'prestasi.csv').expect(422);
    expect(res.body.code).toBe('TAHUN_AJARAN_UNKNOWN');
    expect((await admin.get(`/api/prestasi?siswa_id=${s1.id}`).expect(200)).body).toEqual([]);
  });

  it('recaps a class: subjects against the KKM, ranks with ties, attendance and prestasi, totals', async () => {
    const y = (await admin.get('/api/tahun-ajaran').expect(200)).body.find((x: { nama: string }) => x.nama === '2024/2025');
    const r = await rombel({ nama: 'XII IPS 3', tingkat: 12, tahun_ajaran_id: y.id });
    const [p, q, u, w] = await Promise.all([1, 2, 3, 4].map(() => createSiswa(t)));
    await admin
      .post(`/api/rombel/${r.id}/siswa`)
      .send({ siswa_ids: [p.id, q.id, u.id, w.id] })
      .expect(200);
    const period = { semester: 'Genap', tahun_ajaran: '2024/2025' };
    await admin
      .post('/api/nilai')
      .send(makeNilai(p.id, { ...period, matematika: 60 }))
      .expect(201);
    await admin
      .post('/api/nilai')
      .send(makeNilai(q.id, { ...period, matematika: 60 }))
      .expect(201);
    await admin
      .post('/api/nilai')
      .send(makeNilai(u.id, { ...period, matematika: 100 }))
      .expect(201);
    await admin
      .post('/api/presensi')
      .send(makePresensi(p.id, { ...period, jumlah_hadir: 100, jumlah_sakit: 0, jumlah_izin: 0, jumlah_alpa: 0 }))
      .expect(201);
    await admin
      .post('/api/prestasi')
      .send({ siswa_id: u.id, ...period, kategori: 'Tinggi' })
      .expect(201);

    const res = await guru.get(`/api/rombel/${r.id}/rekap?semester=Genap`).expect(200);
    expect(res.body).toMatchObject({ rombel: 'XII IPS 3', tahun_ajaran: '2024/2025', semester: 'Genap' });
    // kkm_default of 2024/2025 is 70 (set above): the two 60s are below it.
    expect(res.body.mapel.find((m: { mapel: string }) => m.mapel === 'matematika')).toEqual({
      mapel: 'matematika',
      kkm: 70,
      rata_rata: 220 / 3,
      min: 60,
      max: 100,
      jumlah_nilai: 3,
      jumlah_di_bawah_kkm: 2,
    });
    const ranks = Object.fromEntries(res.body.siswa.map((x: { siswa_id: number; peringkat: number | null }) => [x.siswa_id, x.peringkat]));
    expect(ranks).toEqual({ [u.id]: 1, [p.id]: 2, [q.id]: 2, [w.id]: null });
    expect(res.body.siswa.find((x: { siswa_id: number }) => x.siswa_id === p.id)).toMatchObject({
      persentase_kehadiran: 100,
      kategori_kehadiran: 'Tinggi',
    });
    expect(res.body.total).toMatchObject({ jumlah_siswa: 4, jumlah_dengan_nilai: 3, prestasi: { Tinggi: 1, Sedang: 0, Rendah: 0 } });
    await guru.get(`/api/rombel/${r.id}/rekap?semester=Tengah`).expect(400);
    await guru.get('/api/rombel/999999/rekap').expect(404);
  });
});
