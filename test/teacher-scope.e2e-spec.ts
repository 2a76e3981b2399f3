import { SUBJECT_FIELDS, SUBJECTS } from '../src/nilai/nilai-subjects';
import { type ApiClient, clientAs, csvOf, makeNilai, makePresensi, makeSiswa } from './factories/records';
import { ACTIVE_YEAR, newGuru, type School, type Student, twoTeachersTwoRombels } from './factories/school-classes';
import { binary, xlsxNumbers } from './utils/binary';
import { createTestApp, type TestApp } from './utils/test-app';

/** Issue #13, GURU_SCOPE=class: what each teacher sees and writes, on every record route family. */
describe('Teacher scope: GURU_SCOPE=class (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let staf: ApiClient;
  let guruA: ApiClient;
  let guruB: ApiClient;
  let s: School['students'];
  let ids: School['ids'];
  let rombel: { A: number; B: number };
  const everyone = (): number[] => ids('a1', 'a2', 'b1', 'b2', 'old', 'none');

  /** The student ids of a list's rows (siswa rows are students; the others carry siswa_id), and its X-Total-Count. */
  async function listed(api: ApiClient, domain: string): Promise<{ ids: number[]; total: number }> {
    const res = await api.get(`/api/${domain}?sort=id`).expect(200);
    const rows = res.body as Array<{ id: number; siswa_id?: number }>;
    return { ids: [...new Set(rows.map((r) => r.siswa_id ?? r.id))].sort((x, y) => x - y), total: Number(res.headers['x-total-count']) };
  }
  async function rowOf(domain: string, siswaId: number, semester = 'Ganjil'): Promise<{ id: number } & Record<string, unknown>> {
    const rows = (await admin.get(`/api/${domain}?siswa_id=${siswaId}`).expect(200)).body as Array<{ id: number; semester?: string }>;
    return rows.find((r) => r.semester === undefined || r.semester === semester)!;
  }

  beforeAll(async () => {
    t = await createTestApp({ GURU_SCOPE: 'class' });
    const school = await twoTeachersTwoRombels(t);
    admin = school.admin;
    guruA = school.guruA.api;
    guruB = school.guruB.api;
    s = school.students;
    ids = school.ids;
    rombel = { A: school.rombelA, B: school.rombelB };
    staf = await clientAs(t, 'staf');
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  describe('reads', () => {
    it('siswa: a guru lists, counts and picks only the students of their active-year rombels', async () => {
      await expect(listed(guruA, 'siswa')).resolves.toEqual({ ids: ids('a1', 'a2', 'b1', 'b2'), total: 4 });
      // guru B's rombel of last year does not count: only the active year's.
      await expect(listed(guruB, 'siswa')).resolves.toEqual({ ids: ids('b1', 'b2'), total: 2 });
      expect((await guruB.get('/api/siswa/count').expect(200)).body).toEqual({ total_count: 2 });
      const dropdown = (await guruB.get('/api/siswa/dropdown').expect(200)).body as Array<{ id: number }>;
      expect(dropdown.map((d) => d.id).sort((x, y) => x - y)).toEqual(ids('b1', 'b2'));
      await guruB.get(`/api/siswa/${s.b1.id}`).expect(200);
      const hidden = await guruB.get(`/api/siswa/${s.a1.id}`).expect(404);
      expect(hidden.body.code).toBe('SISWA_NOT_FOUND');
      await guruB.get(`/api/siswa/${s.b1.id}/riwayat-kelas`).expect(200);
      await guruB.get(`/api/siswa/${s.old.id}/riwayat-kelas`).expect(404);
    });

    it('rombel members and the class recap: only of the guru’s own classes', async () => {
      const members = async (api: ApiClient, id: number): Promise<number[]> =>
        ((await api.get(`/api/rombel/${id}/siswa`).expect(200)).body as Array<{ siswa_id: number }>)
          .map((m) => m.siswa_id)
          .sort((x, y) => x - y);
      await expect(members(guruA, rombel.B)).resolves.toEqual(ids('b1', 'b2'));
      await expect(members(guruB, rombel.A)).resolves.toEqual([]);
      await expect(members(staf, rombel.A)).resolves.toEqual(ids('a1', 'a2'));
      await guruA.get(`/api/rombel/${rombel.A}/rekap`).expect(200);
      const recap = (await guruA.get(`/api/rombel/${rombel.B}/rekap`).expect(200)).body as { siswa: Array<{ siswa_id: number }> };
      expect(recap.siswa.map((r) => r.siswa_id).sort((x, y) => x - y)).toEqual(ids('b1', 'b2'));
      const hidden = await guruB.get(`/api/rombel/${rombel.A}/rekap`).expect(404);
      expect(hidden.body.code).toBe('ROMBEL_NOT_FOUND');
      await admin.get(`/api/rombel/${rombel.A}/rekap`).expect(200);
    });

    it('report cards and recap exports: only the guru’s students and classes (others 404)', async () => {
      const q = '?semester=Ganjil';
      await guruB
        .get(`/api/siswa/${s.b1.id}/rapor.pdf${q}`)
        .expect(200)
        .expect('Content-Type', /application\/pdf/);
      expect((await guruB.get(`/api/siswa/${s.a1.id}/rapor.pdf${q}`).expect(404)).body.code).toBe('SISWA_NOT_FOUND');
      await guruB.get(`/api/rombel/${rombel.B}/rapor.pdf${q}`).expect(200);
      for (const path of ['rapor.pdf', 'rekap.pdf', 'rekap/export/excel']) {
        expect((await guruB.get(`/api/rombel/${rombel.A}/${path}${q}`).expect(404)).body.code).toBe('ROMBEL_NOT_FOUND');
        await admin.get(`/api/rombel/${rombel.A}/${path}${q}`).expect(200);
      }
    });

    it('admin and staf are unchanged: everyone', async () => {
      for (const api of [admin, staf]) {
        await expect(listed(api, 'siswa')).resolves.toMatchObject({ ids: everyone() });
        await expect(listed(api, 'penghasilan')).resolves.toMatchObject({ ids: everyone() });
        expect((await api.get('/api/siswa/count').expect(200)).body.total_count).toBe(6);
      }
    });

    it.each(['nilai', 'presensi', 'prestasi'])(
      '%s: every row (both semesters) of the reached students, with the matching X-Total-Count',
      async (domain) => {
        await expect(listed(guruA, domain)).resolves.toEqual({ ids: ids('a1', 'a2', 'b1', 'b2'), total: 8 });
        await expect(listed(guruB, domain)).resolves.toEqual({ ids: ids('b1', 'b2'), total: 4 });
        await guruA.get(`/api/${domain}/${(await rowOf(domain, s.b1.id)).id}`).expect(200);
        await guruB.get(`/api/${domain}/${(await rowOf(domain, s.a1.id)).id}`).expect(404);
        await guruA.get(`/api/${domain}/${(await rowOf(domain, s.none.id)).id}`).expect(404);
      },
    );

    it('penghasilan: only the wali kelas reads it, not a subject teacher of the class', async () => {
      await expect(listed(guruA, 'penghasilan')).resolves.toEqual({ ids: ids('a1', 'a2'), total: 2 });
      await expect(listed(guruB, 'penghasilan')).resolves.toEqual({ ids: ids('b1', 'b2'), total: 2 });
      await guruA.get(`/api/penghasilan/${(await rowOf('penghasilan', s.b1.id)).id}`).expect(404);
      await guruA.get(`/api/penghasilan/${(await rowOf('penghasilan', s.a1.id)).id}`).expect(200);
    });

    it.each(['siswa', 'nilai', 'presensi', 'penghasilan', 'prestasi'])(
      '%s: csv and xlsx exports hold the same rows as the list',
      async (domain) => {
        const expected = (await guruA.get(`/api/${domain}?sort=id`).expect(200)).body as Array<{ id: number }>;
        const csv = ((await guruA.get(`/api/${domain}/export/csv`).buffer(true).parse(binary).expect(200)).body as Buffer).toString('utf8');
        const csvIds = csv
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => Number(line.split(',')[0]));
        expect(csvIds).toEqual(expected.map((r) => r.id));
        const xlsx = (await guruA.get(`/api/${domain}/export/excel`).buffer(true).parse(binary).expect(200)).body as Buffer;
        await expect(xlsxNumbers(xlsx, 1)).resolves.toEqual(expected.map((r) => r.id));
      },
    );
  });

  describe('nilai writes: only the subjects a guru teaches in the student’s rombel', () => {
    it('a PUT changing the taught subject passes; one changing another subject is 403 naming it', async () => {
      const row = await rowOf('nilai', s.b1.id);
      const ok = await guruA
        .put(`/api/nilai/${row.id}`)
        .send({ ...row, matematika: 55 })
        .expect(200);
      expect(ok.body.matematika).toBe(55);
      const refused = await guruA.put(`/api/nilai/${row.id}`).send({ matematika: 56, ipa: 40 }).expect(403);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'SCOPE_MAPEL_NOT_TAUGHT', mapel: 'ipa' });
      expect(refused.body.detail).toMatch(/ipa/);
      expect((await rowOf('nilai', s.b1.id)).matematika).toBe(55);
      // Wali kelas of A, but teaching nothing there: no scores of A.
      const a1 = await rowOf('nilai', s.a1.id);
      await guruA.patch(`/api/nilai/${a1.id}`).send({ matematika: 10 }).expect(403);
      // Being wali kelas of B gives no score in B: guru B teaches no subject there.
      await guruB.put(`/api/nilai/${row.id}`).send({ matematika: 20 }).expect(403);
    });

    it('creating, deleting or moving a row writes all eleven subjects: refused to a one-subject teacher; out of reach is 404', async () => {
      const row = await rowOf('nilai', s.b1.id);
      await guruA.delete(`/api/nilai/${row.id}`).expect(403);
      await guruA.put(`/api/nilai/${row.id}`).send({ tahun_ajaran: '2024/2025' }).expect(403);
      await admin.delete(`/api/nilai/${row.id}`).expect(204);
      const body = { ...row, id: undefined };
      const created = await guruA.post('/api/nilai').send(body).expect(403);
      expect(created.body.code).toBe('SCOPE_MAPEL_NOT_TAUGHT');
      const hidden = await guruA
        .post('/api/nilai')
        .send({ ...body, siswa_id: s.none.id })
        .expect(404);
      expect(hidden.body.code).toBe('SISWA_NOT_FOUND');
      await guruA.delete(`/api/nilai/${(await rowOf('nilai', s.none.id)).id}`).expect(404);
      await admin.post('/api/nilai').send(body).expect(201);
    });

    it('an upload is all-or-nothing: rows out of scope are row errors', async () => {
      // matematika first: the line below changes only that score.
      const subjects = SUBJECTS.map((subject) => subject.header);
      const headers = ['Siswa ID', 'Semester', 'Tahun Ajaran', ...subjects];
      // The stored Genap row with a new matematika score: only that subject changes.
      const line = async (student: Student, matematika: number): Promise<Array<string | number>> => {
        const stored = await rowOf('nilai', student.id, 'Genap');
        return [student.id, 'Genap', ACTIVE_YEAR, matematika, ...SUBJECTS.slice(1).map((subject) => stored[subject.field] as number)];
      };
      const file = csvOf(headers, [await line(s.b1, 91), await line(s.a1, 92), await line(s.none, 93)]);
      const refused = await guruA.post('/api/nilai/upload/excel?mode=upsert').attach('file', file, 'nilai.csv').expect(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ row: 2, field: 'siswa_id', message: expect.stringMatching(/matematika/) }),
        expect.objectContaining({ row: 3, field: 'siswa_id', message: expect.stringMatching(/tidak ditemukan/) }),
      ]);
      expect((await rowOf('nilai', s.b1.id, 'Genap')).matematika).not.toBe(91);
      const accepted = await guruA
        .post('/api/nilai/upload/excel?mode=upsert')
        .attach('file', csvOf(headers, [await line(s.b1, 91)]), 'nilai.csv')
        .expect(200);
      expect(accepted.body).toMatchObject({ created: 0, updated: 1 });
      expect((await rowOf('nilai', s.b1.id, 'Genap')).matematika).toBe(91);
    });
  });

  describe.each(['presensi', 'prestasi'])('%s writes: only as the student’s wali kelas', (domain) => {
    const change = domain === 'presensi' ? { jumlah_alpa: 7 } : { catatan: 'Aktif di kelas' };

    it('the wali kelas updates, deletes and creates; a subject teacher of the class gets 403, other classes 404', async () => {
      const a1 = await rowOf(domain, s.a1.id);
      await guruA.put(`/api/${domain}/${a1.id}`).send(change).expect(200);
      const b1 = await rowOf(domain, s.b1.id);
      const refused = await guruA.put(`/api/${domain}/${b1.id}`).send(change).expect(403);
      expect(refused.body.code).toBe('SCOPE_NOT_WALI_KELAS');
      await guruA.delete(`/api/${domain}/${b1.id}`).expect(403);
      await guruB.put(`/api/${domain}/${a1.id}`).send(change).expect(404);
      // Moving a row to a student of another class is a write to that student too.
      await guruA.put(`/api/${domain}/${a1.id}`).send({ siswa_id: s.b1.id, tahun_ajaran: '2024/2025' }).expect(403);

      await guruA.delete(`/api/${domain}/${a1.id}`).expect(204);
      const { id: _id, nama_siswa: _n, kelas: _k, ...body } = a1;
      await guruA.post(`/api/${domain}`).send(body).expect(201);
      await guruA
        .post(`/api/${domain}`)
        .send({ ...body, siswa_id: s.b2.id, tahun_ajaran: '2024/2025' })
        .expect(403);
      await guruA
        .post(`/api/${domain}`)
        .send({ ...body, siswa_id: s.none.id, tahun_ajaran: '2024/2025' })
        .expect(404);
    });

    it('uploads: rows of students the guru is not wali kelas of are row errors, nothing is written', async () => {
      const headers =
        domain === 'presensi'
          ? ['Siswa ID', 'Semester', 'Tahun Ajaran', 'Jumlah Hadir', 'Jumlah Sakit', 'Jumlah Izin', 'Jumlah Alpa']
          : ['Siswa ID', 'Semester', 'Tahun Ajaran', 'Kategori', 'Catatan'];
      const row = (id: number) =>
        domain === 'presensi' ? [id, 'Ganjil', '2024/2025', 80, 1, 1, 1] : [id, 'Ganjil', '2024/2025', 'Sedang', ''];
      const file = csvOf(headers, [row(s.a2.id), row(s.b1.id), row(s.none.id)]);
      const refused = await guruA.post(`/api/${domain}/upload/excel`).attach('file', file, 'rows.csv').expect(422);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ row: 2, field: 'siswa_id', message: expect.stringMatching(/wali kelas/) }),
        expect.objectContaining({ row: 3, field: 'siswa_id', message: expect.stringMatching(/tidak ditemukan/) }),
      ]);
      const a2Rows = () => admin.get(`/api/${domain}?siswa_id=${s.a2.id}&tahun_ajaran=2024/2025`).expect(200);
      expect((await a2Rows()).body).toEqual([]);
      await guruA
        .post(`/api/${domain}/upload/excel`)
        .attach('file', csvOf(headers, [row(s.a2.id)]), 'rows.csv')
        .expect(200);
      expect((await a2Rows()).body).toHaveLength(1);
    });
  });

  it('a class teacher teaching all eleven subjects of a rombel creates and deletes its nilai rows', async () => {
    const guruC = await newGuru(t, admin, 'guru_kelas_c');
    const year = ((await admin.get('/api/tahun-ajaran/aktif').expect(200)).body as { id: number }).id;
    const rombel = (await admin.post('/api/rombel').send({ nama: 'IV A', tingkat: 4, tahun_ajaran_id: year }).expect(201)).body
      .id as number;
    for (const mapel of SUBJECT_FIELDS)
      await admin.post('/api/penugasan').send({ guru_id: guruC.id, rombel_id: rombel, mapel }).expect(201);
    const pupil = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body as Student;
    await admin
      .post(`/api/rombel/${rombel}/siswa`)
      .send({ siswa_ids: [pupil.id] })
      .expect(200);
    const created = await guruC.api
      .post('/api/nilai')
      .send(makeNilai(pupil.id, { tahun_ajaran: ACTIVE_YEAR }))
      .expect(201);
    await guruC.api.put(`/api/nilai/${created.body.id}`).send({ seni: 95, ipa: 60 }).expect(200);
    await guruC.api.delete(`/api/nilai/${created.body.id}`).expect(204);
    // Teaching every subject does not make a wali kelas, nor reach other classes.
    await guruC.api
      .post('/api/presensi')
      .send(makePresensi(pupil.id, { tahun_ajaran: ACTIVE_YEAR }))
      .expect(403);
    await guruC.api.get(`/api/siswa/${s.a1.id}`).expect(404);
  });

  it('admin writes anywhere as before', async () => {
    const row = await rowOf('presensi', s.none.id);
    await admin.put(`/api/presensi/${row.id}`).send({ jumlah_izin: 4 }).expect(200);
    const nilai = await rowOf('nilai', s.a2.id);
    await admin.put(`/api/nilai/${nilai.id}`).send({ ipa: 66, seni: 67 }).expect(200);
  });
});
