import { siswaCsv } from './faults/support/upload-files';
import { type ApiClient, clientAs } from './factories/records';
import { queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/**
 * An upload is written a page at a time inside one transaction (src/records/upload-runner.ts). When
 * the database refuses a later page (here: a trigger raising the unique violation a concurrent writer
 * would cause, on the 1,500th student of 2,500, page 2 of 3), the answer is that violation's 409 and
 * nothing of the upload is left: no student, no `upload.rows` event. (A version keeping two pages in
 * flight answered 500 here, the aborted transaction's error instead of the cause; it was not kept.)
 */
describe('Upload: a page refused while writing leaves nothing (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  const students = async (prefix: string): Promise<number> =>
    Number((await queryDb<{ n: string }>(t, `SELECT count(*) AS n FROM siswa WHERE nis LIKE $1`, [`${prefix}%`]))[0]!.n);
  const rowEvents = async (): Promise<number> =>
    Number((await queryDb<{ n: string }>(t, `SELECT count(*) AS n FROM event_log WHERE action = 'upload.rows'`))[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
    await queryDb(
      t,
      `CREATE FUNCTION test_refuse_student() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'duplicate key value violates unique constraint "uq_siswa_nis"'
           USING ERRCODE = 'unique_violation', CONSTRAINT = 'uq_siswa_nis';
       END $$`,
    );
    await queryDb(t, `CREATE TRIGGER test_refuse_student BEFORE INSERT ON siswa FOR EACH ROW WHEN (NEW.nama = 'Siswa 1500') EXECUTE FUNCTION test_refuse_student()`);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('page 2 of 3 refused: 409, no student and no row event written', async () => {
    const before = await rowEvents();
    const res = await admin.post('/api/siswa/upload/excel').attach('file', siswaCsv(2500, 'WF'), 'siswa.csv');
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(typeof res.body.detail).toBe('string');
    await expect(students('WF')).resolves.toBe(0);
    await expect(rowEvents()).resolves.toBe(before);
  });

  it('the same upload without the refused row writes every page and its three events', async () => {
    await queryDb(t, `DROP TRIGGER test_refuse_student ON siswa`);
    const before = await rowEvents();
    const res = await admin.post('/api/siswa/upload/excel').attach('file', siswaCsv(2500, 'WG'), 'siswa.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 2500 });
    await expect(students('WG')).resolves.toBe(2500);
    const pages = await queryDb<{ page: number; rows: number }>(
      t,
      `SELECT (changes->>'page')::int AS page, jsonb_array_length(changes->'rows') AS rows FROM event_log
        WHERE action = 'upload.rows' ORDER BY id OFFSET $1`,
      [before],
    );
    expect(pages).toEqual([
      { page: 1, rows: 1000 },
      { page: 2, rows: 1000 },
      { page: 3, rows: 500 },
    ]);
  });
});
