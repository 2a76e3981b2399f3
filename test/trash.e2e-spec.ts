import { Client } from 'pg';
import request from 'supertest';
import { TrashRetentionService } from '../src/trash/trash-retention.service';
import { type ApiClient, clientAs, makeNilai, makePenghasilan, makePresensi, makePrestasi, makeSiswa } from './factories/records';
import { eventsOf } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/** Every table holding a student's rows, and the column naming the student. */
const OWNED: ReadonlyArray<[table: string, column: string]> = [
  ['siswa', 'id'],
  ['nilai_raport', 'siswa_id'],
  ['presensi', 'siswa_id'],
  ['penghasilan_orang_tua', 'siswa_id'],
  ['prestasi', 'siswa_id'],
  ['prediksi_history', 'siswa_id'],
];
const DAY_MS = 86_400_000;

describe('Recycle bin (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  /** Every stored row of a student, exactly as PostgreSQL has it (all columns, text form). */
  async function snapshot(siswaId: number): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const [table, column] of OWNED) {
      const { rows } = await db.query<{ row: string }>(
        `SELECT to_jsonb(t.*)::text AS row FROM "${table}" t WHERE "${column}" = $1 ORDER BY id`,
        [siswaId],
      );
      out[table] = rows.map((r) => r.row);
    }
    return out;
  }

  async function studentWithEverything(nis?: string): Promise<{ id: number; nis: string }> {
    const body = makeSiswa(nis ? { nis } : {});
    const id = (await admin.post('/api/siswa').send(body).expect(201)).body.id as number;
    await admin
      .post('/api/nilai')
      .send(makeNilai(id, { matematika: 77.123456789 }))
      .expect(201);
    await admin
      .post('/api/nilai')
      .send(makeNilai(id, { semester: 'Genap' }))
      .expect(201);
    await admin.post('/api/presensi').send(makePresensi(id)).expect(201);
    await admin.post('/api/penghasilan').send(makePenghasilan(id)).expect(201);
    await admin.post('/api/prestasi').send(makePrestasi(id)).expect(201);
    await db.query(
      `INSERT INTO prediksi_history (siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation)
       VALUES ($1, 'Ganjil', '2023/2024', 'Tinggi', 0.912345678901, '{"Tinggi": 0.9}'::jsonb, 1, '[{"step": 1}]'::jsonb)`,
      [id],
    );
    // An update, so updated_at differs from created_at and both must come back.
    await admin.put(`/api/siswa/${id}`).send({ alamat: 'Jl. Pahlawan 9' }).expect(200);
    return { id, nis: body.nis };
  }

  async function trashIdOf(entityType: string, entityId: number): Promise<number> {
    const res = await admin.get(`/api/trash?entity_type=${entityType}&entity_id=${entityId}`).expect(200);
    expect(res.body.total).toBe(1);
    return res.body.data[0].id as number;
  }

  it('deleting a student moves them and everything of theirs to the trash; lists and exports no longer see it', async () => {
    const s = await studentWithEverything();
    const kept = await studentWithEverything();
    const keptBefore = await snapshot(kept.id);

    await admin.delete(`/api/siswa/${s.id}`).expect(204);

    const after = await snapshot(s.id);
    expect(Object.values(after).every((rows) => rows.length === 0)).toBe(true);
    await expect(snapshot(kept.id)).resolves.toEqual(keptBefore);
    await admin.get(`/api/siswa/${s.id}`).expect(404);
    for (const domain of ['nilai', 'presensi', 'penghasilan', 'prestasi']) {
      await admin.get(`/api/${domain}?siswa_id=${s.id}`).expect(200).expect('x-total-count', '0');
    }
    await admin.get(`/api/siswa?search=${s.nis}`).expect(200).expect('x-total-count', '0');
    const csv = (await admin.get('/api/nilai/export/csv').buffer(true).expect(200)).text;
    // Columns: ID, Siswa ID, …: the kept student's rows are there, the deleted one's are not.
    expect(csv).toMatch(new RegExp(`\\n\\d+,${kept.id},`));
    expect(csv).not.toMatch(new RegExp(`\\n\\d+,${s.id},`));
    const dropdown = await admin.get('/api/siswa/dropdown').expect(200);
    expect((dropdown.body as Array<{ id: number }>).map((d) => d.id)).not.toContain(s.id);

    const list = await admin.get('/api/trash').expect(200);
    const item = (list.body.data as Array<Record<string, unknown>>).find((i) => i.entity_id === s.id);
    expect(item).toMatchObject({
      entity_type: 'siswa',
      entity_id: s.id,
      record: { id: s.id, nis: s.nis, alamat: 'Jl. Pahlawan 9' },
      row_counts: { siswa: 1, nilai_raport: 2, presensi: 1, penghasilan_orang_tua: 1, prestasi: 1, prediksi_history: 1 },
      row_count: 7,
      deleted_by_username: 'admin',
    });
    const deletedAt = Date.parse(item!.deleted_at as string);
    expect(Date.parse(item!.purge_after as string) - deletedAt).toBe(30 * DAY_MS);

    const detail = await admin.get(`/api/trash/${item!.id as number}`).expect(200);
    expect((detail.body.archive as Array<{ table: string }>).map((a) => a.table)).toEqual([
      'siswa',
      'nilai_raport',
      'presensi',
      'penghasilan_orang_tua',
      'prestasi',
      'prediksi_history',
    ]);
    expect(detail.body.archive[0].rows).toEqual([expect.objectContaining({ id: s.id, nis: s.nis })]);
  });

  it('restore puts every row back exactly (ids, values, timestamps) and empties the item', async () => {
    const s = await studentWithEverything();
    const before = await snapshot(s.id);
    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const trashId = await trashIdOf('siswa', s.id);

    const res = await admin.post(`/api/trash/${trashId}/restore`).expect(200);
    expect(res.body).toMatchObject({
      trash_id: trashId,
      entity_type: 'siswa',
      entity_id: s.id,
      restored: { siswa: 1, nilai_raport: 2, presensi: 1, penghasilan_orang_tua: 1, prestasi: 1, prediksi_history: 1 },
    });
    await expect(snapshot(s.id)).resolves.toEqual(before);
    await admin.get(`/api/nilai?siswa_id=${s.id}`).expect(200).expect('x-total-count', '2');
    await admin.get(`/api/trash/${trashId}`).expect(404);
    await admin.post(`/api/trash/${trashId}/restore`).expect(404);
  });

  it('a NIS taken in the meantime makes the restore 409 and writes nothing; freed again, it restores', async () => {
    const s = await studentWithEverything();
    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const trashId = await trashIdOf('siswa', s.id);
    const usurper = await admin
      .post('/api/siswa')
      .send(makeSiswa({ nis: s.nis }))
      .expect(201);

    const res = await admin.post(`/api/trash/${trashId}/restore`).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'TRASH_RESTORE_CONFLICT', constraint: 'uq_siswa_nis' });
    expect(res.body.detail).toContain(s.nis);
    const nothing = await snapshot(s.id);
    expect(Object.values(nothing).every((rows) => rows.length === 0)).toBe(true);
    await admin.get(`/api/trash/${trashId}`).expect(200);

    await admin.delete(`/api/siswa/${usurper.body.id as number}`).expect(204);
    await admin.post(`/api/trash/${trashId}/restore`).expect(200);
    await admin.get(`/api/siswa/${s.id}`).expect(200);
  });

  it('a deleted nilai row is archived alone; it restores only while its student exists', async () => {
    const s = await studentWithEverything();
    const nilai = (await admin.get(`/api/nilai?siswa_id=${s.id}&sort=id`).expect(200)).body[0] as { id: number };
    const row = (await snapshot(s.id)).nilai_raport[0];
    await admin.delete(`/api/nilai/${nilai.id}`).expect(204);
    const nilaiTrash = await trashIdOf('nilai', nilai.id);
    const item = await admin.get(`/api/trash/${nilaiTrash}`).expect(200);
    expect(item.body).toMatchObject({ row_counts: { nilai_raport: 1 }, record: { id: nilai.id, siswa_id: s.id } });

    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const refused = await admin.post(`/api/trash/${nilaiTrash}/restore`).expect(409);
    expect(refused.body).toMatchObject({ code: 'TRASH_RESTORE_CONFLICT', constraint: 'fk_nilai_raport_siswa' });

    await admin.post(`/api/trash/${await trashIdOf('siswa', s.id)}/restore`).expect(200);
    await admin.post(`/api/trash/${nilaiTrash}/restore`).expect(200);
    await expect(snapshot(s.id).then((x) => x.nilai_raport)).resolves.toContain(row);
  });

  it('the delete and the restore are events with before/after', async () => {
    const s = await studentWithEverything();
    const deleted = await admin.delete(`/api/siswa/${s.id}`).set('X-Request-Id', `trash-del-${s.id}`).expect(204);
    const trashId = await trashIdOf('siswa', s.id);
    const [del] = await eventsOf(t, deleted.headers['x-request-id'] as string);
    expect(del).toMatchObject({ action: 'siswa.delete', entity_type: 'siswa', entity_id: String(s.id) });
    expect(del!.changes).toMatchObject({ before: { id: s.id, nis: s.nis }, after: { trash_id: trashId } });

    const restored = await admin.post(`/api/trash/${trashId}/restore`).set('X-Request-Id', `trash-res-${s.id}`).expect(200);
    const [res] = await eventsOf(t, restored.headers['x-request-id'] as string);
    expect(res).toMatchObject({ action: 'trash.restore', entity_type: 'siswa', entity_id: String(s.id) });
    expect(res!.changes).toMatchObject({ before: { trash_id: trashId }, after: { id: s.id, nis: s.nis } });
  });

  it('two restores of one item at once: one succeeds, the other finds nothing', async () => {
    const s = await studentWithEverything();
    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const trashId = await trashIdOf('siswa', s.id);
    const statuses = await Promise.all([1, 2, 3].map(() => admin.post(`/api/trash/${trashId}/restore`).then((r) => r.status)));
    expect(statuses.sort()).toEqual([200, 404, 404]);
    await admin.get(`/api/nilai?siswa_id=${s.id}`).expect(200).expect('x-total-count', '2');
  });

  it('DELETE /api/trash/{id} purges now', async () => {
    const s = await studentWithEverything();
    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const trashId = await trashIdOf('siswa', s.id);
    await admin.delete(`/api/trash/${trashId}`).expect(204);
    await admin.get(`/api/trash/${trashId}`).expect(404);
    await admin.delete(`/api/trash/${trashId}`).expect(404);
    await admin.post(`/api/trash/${trashId}/restore`).expect(404);
  });

  it('items older than TRASH_RETENTION_DAYS are purged, younger ones kept', async () => {
    const s = await studentWithEverything();
    await admin.delete(`/api/siswa/${s.id}`).expect(204);
    const trashId = await trashIdOf('siswa', s.id);
    const retention = t.app.get(TrashRetentionService);
    await retention.purgeExpired(new Date(Date.now() + 29 * DAY_MS));
    await admin.get(`/api/trash/${trashId}`).expect(200);
    await expect(retention.purgeExpired(new Date(Date.now() + 31 * DAY_MS))).resolves.toBeGreaterThanOrEqual(1);
    await admin.get(`/api/trash/${trashId}`).expect(404);
  });

  it('only admins see or touch the trash; bad ids and queries are 400', async () => {
    for (const role of ['guru', 'staf'] as const) {
      const other = await clientAs(t, role);
      await other.get('/api/trash').expect(403);
      await other.get('/api/trash/1').expect(403);
      await other.post('/api/trash/1/restore').expect(403);
      await other.delete('/api/trash/1').expect(403);
    }
    await request(t.baseUrl).get('/api/trash').expect(401);
    await admin.get('/api/trash/abc').expect(400);
    await admin.get('/api/trash?limit=0').expect(400);
    await admin.get('/api/trash?entity_id=x').expect(400);
    await admin.get('/api/trash/999999').expect(404);
  });
});
