import { Client } from 'pg';
import request, { type Response } from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';

const ROWS = 100_000;

interface Stats {
  bytes: number;
  newlines: number;
  firstByteAt: number;
  endAt: number;
}

const newStats = (): Stats => ({ bytes: 0, newlines: 0, firstByteAt: 0, endAt: 0 });

/** Counts bytes and newlines of a streamed body without keeping it, noting when it starts and ends. */
function countingParser(stats: Stats) {
  return (res: Response, cb: (err: Error | null, body: unknown) => void): void => {
    res.on('data', (chunk: Buffer) => {
      if (stats.bytes === 0) stats.firstByteAt = Date.now();
      stats.bytes += chunk.length;
      for (const byte of chunk) if (byte === 0x0a) stats.newlines += 1;
    });
    res.on('end', () => {
      stats.endAt = Date.now();
      cb(null, null);
    });
  };
}

describe('Exporting 100,000 students (e2e)', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await tokenFor(t, 'admin');
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO siswa (nis, nama, kelas, jenis_kelamin, tanggal_lahir, alamat)
       SELECT 'S' || lpad(g::text, 7, '0'), 'Siswa Nomor ' || g, 'X ' || (g % 12), CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END,
              DATE '2007-01-01' + (g % 700), 'Jl. Pahlawan No. ' || g || ', Malang'
       FROM generate_series(1, ${ROWS}) AS g`,
    );
    await db.end();
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('streams the CSV in batches: the first rows arrive long before the last is read, and all arrive', async () => {
    const started = Date.now();
    const stats = newStats();
    await request(t.baseUrl).get('/api/siswa/export/csv').set(bearer(token)).buffer(true).parse(countingParser(stats)).expect(200);
    expect(stats.newlines).toBe(ROWS + 1);
    // Loading every row before writing would put the first byte near the end; a batch takes a moment.
    expect(stats.firstByteAt - started).toBeLessThan((stats.endAt - started) / 4);
  }, 120_000);

  it('streams the xlsx too', async () => {
    const started = Date.now();
    const stats = newStats();
    const res = await request(t.baseUrl)
      .get('/api/siswa/export/excel')
      .set(bearer(token))
      .buffer(true)
      .parse(countingParser(stats))
      .expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename=Data_Siswa.xlsx');
    expect(stats.bytes).toBeGreaterThan(1_000_000);
    expect(stats.firstByteAt - started).toBeLessThan((stats.endAt - started) / 4);
  }, 120_000);
});
