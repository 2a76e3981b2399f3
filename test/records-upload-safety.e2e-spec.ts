import { EventWriter } from '../src/events/event-writer.service';
import { type ApiClient, clientAs, csvOf, makePenghasilan, makeSiswa, uploadRowFor } from './factories/records';
import { type EventRow, queryDb } from './utils/events';
import { binary } from './utils/binary-body';
import { createTestApp, type TestApp } from './utils/test-app';

describe('Upload safety: upsert without data loss, event log, bad text, CSV injection (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (path: string, file: Buffer, name: string) => admin.post(`/api/${path}/upload/excel`).attach('file', file, name);
  const newSiswa = async (overrides = {}): Promise<number> => (await admin.post('/api/siswa').send(makeSiswa(overrides)).expect(201)).body.id;

  /** Every event row of a request: the summary (written after the response) and the upload.rows pages. */
  async function eventsOfUpload(requestId: string): Promise<EventRow[]> {
    const writer = t.app.get(EventWriter);
    for (let i = 0; i < 100; i++) {
      await writer.flush();
      const rows = await queryDb<EventRow>(t, 'SELECT * FROM event_log WHERE request_id = $1 ORDER BY id', [requestId]);
      if (rows.some((r) => r.action !== 'upload.rows')) return rows;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no summary event for ${requestId}`);
  }

  it('upsert: columns absent from the file keep their values; an empty optional cell clears; before/after logged', async () => {
    const siswaId = await newSiswa();
    const stored = (await admin.post('/api/penghasilan').send(makePenghasilan(siswaId, { pekerjaan_ibu: 'Guru', pendidikan_ayah: 'S1' })).expect(201)).body;
    // The file has no Pekerjaan Ibu column at all, and an empty Pendidikan Ayah cell.
    const file = csvOf(['Siswa ID', 'Penghasilan Ayah', 'Penghasilan Ibu', 'Pendidikan Ayah'], [[siswaId, 4_000_000, 1_500_000, '']]);
    const res = await upload('penghasilan', file, 'p.csv').query({ mode: 'upsert' }).set('x-request-id', `upsert-${siswaId}`).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1 });
    const after = (await admin.get(`/api/penghasilan/${stored.id}`).expect(200)).body;
    expect(after).toMatchObject({ pekerjaan_ibu: 'Guru', pekerjaan_ayah: 'Petani', pendidikan_ayah: null, penghasilan_ayah: 4_000_000 });

    const events = await eventsOfUpload(`upsert-${siswaId}`);
    const summary = events.find((e) => e.action !== 'upload.rows')!;
    expect(summary.changes).toMatchObject({ after: { created: 0, updated: 1, rows_logged: 1, row_event_pages: 1, file: 'p.csv' } });
    const pages = events.filter((e) => e.action === 'upload.rows');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ category: 'FILE', entity_type: 'penghasilan', username: 'admin', status: 200 });
    expect(pages[0]!.changes).toEqual({
      page: 1,
      pages: 1,
      rows: [
        {
          id: stored.id,
          row: 1,
          // Only what changed; incomes are redacted as everywhere in the event log.
          before: { penghasilan_ayah: '[REDACTED]', pendidikan_ayah: 'S1', total_penghasilan: '[REDACTED]', kategori_penghasilan: 'Menengah' },
          after: { penghasilan_ayah: '[REDACTED]', pendidikan_ayah: null, total_penghasilan: '[REDACTED]', kategori_penghasilan: 'Tinggi' },
        },
      ],
    });
  });

  it('upsert: an empty cell of a required column is an error, not a clear', async () => {
    const siswaId = await newSiswa();
    await admin.post('/api/penghasilan').send(makePenghasilan(siswaId)).expect(201);
    const file = csvOf(['Siswa ID', 'Penghasilan Ayah', 'Penghasilan Ibu'], [[siswaId, '', 1_000_000]]);
    const res = await upload('penghasilan', file, 'p.csv').query({ mode: 'upsert' }).expect(422);
    expect(res.body.errors.length).toBeGreaterThan(0);
    expect(res.body.errors).toEqual(res.body.errors.map(() => expect.objectContaining({ row: 1, field: 'penghasilan_ayah' })));
    expect(res.body.invalid_rows).toBe(1);
  });

  it('created rows are listed in upload.rows pages of 1000 in the upload transaction', async () => {
    // School years are 2000–2100, so one student has 200 (semester, year) keys: spread over six.
    const students: number[] = [];
    for (let k = 0; k < 6; k++) students.push(await newSiswa());
    const siswaId = students[5]!;
    const rows = Array.from({ length: 1001 }, (_, i) => uploadRowFor('prestasi', students[Math.floor(i / 200)]!, i % 200));
    const res = await upload('prestasi', csvOf(rows[0]!.headers, rows.map((r) => r.row)), 'x.csv').set('x-request-id', `create-${siswaId}`).expect(200);
    expect(res.body.created).toBe(1001);
    const pages = (await eventsOfUpload(`create-${siswaId}`)).filter((e) => e.action === 'upload.rows');
    expect(pages.map((p) => [(p.changes as { page: number }).page, (p.changes as { rows: unknown[] }).rows.length])).toEqual([
      [1, 1000],
      [2, 1],
    ]);
    const last = (pages[1]!.changes as { rows: Array<Record<string, unknown>> }).rows[0]!;
    expect(last).toMatchObject({ row: 1001, before: null, after: { siswa_id: siswaId, kategori: 'Sedang', catatan: 'Aktif di kelas' } });
    expect(typeof last.id).toBe('number');
  });

  it('NUL characters, invalid UTF-8 and U+FFFD in cells are row errors and nothing is stored', async () => {
    const { headers, row } = uploadRowFor('siswa', 0, 1);
    const good = uploadRowFor('siswa', 0, 2).row;
    const withNul = [...row];
    withNul[0] = 'Ani\u0000Putri';
    const csv = csvOf(headers, [good, withNul]);
    const nul = await upload('siswa', csv, 's.csv').expect(422);
    expect(nul.body.errors).toEqual([{ row: 2, field: 'nama', message: expect.stringMatching(/NUL/) }]);

    const text = Buffer.concat([
      Buffer.from(`${headers.join(',')}\n${good.join(',')}\n`),
      Buffer.from(`${row.slice(0, 5).join(',')},Jl. `),
      Buffer.from([0xc3, 0x28, 0xff]), // not UTF-8
      Buffer.from('\n'),
    ]);
    const invalid = await upload('siswa', text, 's.csv').expect(422);
    expect(invalid.body.errors).toEqual([{ row: 2, field: 'alamat', message: expect.stringMatching(/UTF-8/) }]);
    const count = await admin.get(`/api/siswa?search=${encodeURIComponent(String(good[1]))}`).expect(200);
    expect(count.body).toEqual([]);
  });

  it('CSV exports neutralise formula text with a leading quote; numbers stay numbers; upload takes it off', async () => {
    const risky = ['=HYPERLINK("http://x")', '+62 812', '-', '@SUM(A1)', "=cmd|' /C calc'!A0", "'=already quoted"];
    const ids: number[] = [];
    for (const alamat of risky) ids.push(await newSiswa({ kelas: 'CSV INJ', alamat }));
    const penghasilanOf = await newSiswa({ kelas: 'CSV INJ', nama: '-Negative' });
    await admin.post('/api/penghasilan').send(makePenghasilan(penghasilanOf, { pekerjaan_ayah: '=1+1' })).expect(201);

    const csv = (await admin.get('/api/siswa/export/csv?kelas=CSV%20INJ').buffer(true).parse(binary).expect(200)).body as Buffer;
    const text = csv.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(",'+62 812,");
    expect(text).toContain(",'-,");
    expect(text).toContain(",'@SUM(A1),");
    expect(text).toContain(",'=cmd|' /C calc'!A0,");
    expect(text).toContain(",''=already quoted,");
    expect(text).toContain(",'-Negative,");

    const income = (await admin.get(`/api/penghasilan/export/csv?siswa_id=${penghasilanOf}`).buffer(true).parse(binary).expect(200)).body as Buffer;
    const [, line] = income.toString('utf8').split('\n');
    expect(line).toContain(",'=1+1,");
    expect(line).toMatch(/,3000000,1500000,/); // numeric columns: plain numbers

    // Round trip: the file uploads back to exactly the stored text.
    const before = (await admin.get('/api/siswa?kelas=CSV%20INJ&limit=100').expect(200)).body;
    await upload('siswa', csv, 'Data_Siswa.csv').query({ mode: 'upsert' }).expect(200);
    const after = (await admin.get('/api/siswa?kelas=CSV%20INJ&limit=100').expect(200)).body;
    const text_ = (rows: Array<Record<string, unknown>>) => rows.map((r) => [r.nama, r.alamat]).sort();
    expect(text_(after)).toEqual(text_(before));
    expect(text_(after).map(([, a]) => a)).toEqual(expect.arrayContaining(risky));
  });
});
