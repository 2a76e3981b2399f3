import { Client } from 'pg';
import type { RunningApp } from '../utils/process';
import { login } from './support/load';
import { FAULT_ADMIN_PASSWORD, startOwnedStack } from './support/owned-app';
import type { OwnedPostgres } from './support/pg-server';
import { mb, peakRssOf, resetPeak, rssOf } from './support/process-memory';
import { multipart, siswaCsv, siswaXlsx } from './support/upload-files';
import { xlsxBomb } from './support/xlsx-bomb';

interface Probe {
  stop(): Promise<number[]>;
}

/** GET /health every 50 ms (not waiting for the previous answer), recording each latency. */
function probeHealth(baseUrl: string): Probe {
  const latencies: Array<Promise<number>> = [];
  const timer = setInterval(() => {
    const started = performance.now();
    latencies.push(
      fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(10_000) }).then(
        async (res) => {
          await res.arrayBuffer();
          return res.ok ? performance.now() - started : Number.POSITIVE_INFINITY;
        },
        () => Number.POSITIVE_INFINITY,
      ),
    );
  }, 50);
  return {
    stop: async () => {
      clearInterval(timer);
      return Promise.all(latencies);
    },
  };
}

const p99 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))]!;

/**
 * Uploads that used to take the API down (issue #10), against the built app as its own process with
 * the production heap cap (--max-old-space-size=256). RSS is the child's, from /proc (VmHWM reset
 * before each upload, so the peak is that upload's).
 */
describe('Uploads cannot take the API down (fault)', () => {
  let pg: OwnedPostgres;
  let app: RunningApp;
  let baseUrl: string;
  let token: string;
  let pid: number;

  beforeAll(async () => {
    ({ pg, app, baseUrl } = await startOwnedStack({ UPLOAD_LIMIT_BYTES: String(6 * 1024 * 1024) }));
    token = await login(baseUrl, 'admin', FAULT_ADMIN_PASSWORD);
    pid = app.child.pid!;
  });

  afterAll(async () => {
    if (app && app.child.exitCode === null) app.child.kill('SIGKILL');
    await pg?.stop();
  });

  async function upload(file: Buffer, name: string, query = ''): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
    const { body, contentType } = multipart(file, name);
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/siswa/upload/excel${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
      signal: AbortSignal.timeout(120_000),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: performance.now() - started };
  }

  async function countSiswa(prefix: string): Promise<number> {
    const db = new Client({ connectionString: pg.url() });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM siswa WHERE nis LIKE $1', [`${prefix}%`]);
      return Number(rows[0]!.n);
    } finally {
      await db.end();
    }
  }

  it.each([
    ['honest', false],
    ['lying', true],
  ])('a 400 MB zip bomb (%s headers) is 413 within 2 s; RSS grows < 100 MB', async (_label, lie) => {
    const bomb = await xlsxBomb(400 * 1024 * 1024, { lie });
    const before = rssOf(pid);
    resetPeak(pid);
    const res = await upload(bomb, 'bomb.xlsx', '?dry_run=true');
    const growth = peakRssOf(pid) - before;
    console.log(`zip bomb (${_label}, ${mb(bomb.length)} MB file): ${res.status} in ${Math.round(res.ms)} ms, RSS ${mb(before)} → peak +${mb(growth)} MB`);
    expect(res.status).toBe(413);
    expect(res.body.limit).toBe('UPLOAD_MAX_INFLATED_BYTES');
    expect(res.ms).toBeLessThan(2000);
    expect(growth).toBeLessThan(100 * 1024 * 1024);
    await expect(fetch(`${baseUrl}/health`).then((r) => r.status)).resolves.toBe(200);
  });

  it.each([
    ['csv', 'A'],
    ['xlsx', 'B'],
  ])('100,000-row %s import: all rows written, peak RSS < 400 MB, /health p99 < 200 ms', async (format, prefix) => {
    const file = format === 'csv' ? siswaCsv(100_000, prefix) : await siswaXlsx(100_000, prefix);
    const before = rssOf(pid);
    resetPeak(pid);
    const probe = probeHealth(baseUrl);
    const res = await upload(file, `siswa.${format}`);
    const latencies = await probe.stop();
    const peak = peakRssOf(pid);
    console.log(
      `${format} 100,000 rows (${mb(file.length)} MB): ${res.status} in ${Math.round(res.ms)} ms (${Math.round(100_000 / (res.ms / 1000))} rows/s), ` +
        `RSS ${mb(before)} → peak ${mb(peak)} MB; /health ${latencies.length} probes, p99 ${Math.round(p99(latencies))} ms, max ${Math.round(Math.max(...latencies))} ms`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 100_000, updated: 0 });
    await expect(countSiswa(prefix)).resolves.toBe(100_000);
    expect(peak).toBeLessThan(400 * 1024 * 1024);
    expect(latencies.length).toBeGreaterThan(20);
    expect(p99(latencies)).toBeLessThan(200);
  });

  it('a 100,000-row csv with one bad row at the end writes nothing (422), /health keeps answering', async () => {
    const file = Buffer.concat([siswaCsv(99_999, 'C'), Buffer.from('Siswa X,C999999,Z,X 1,2008-01-15,\n')]);
    const probe = probeHealth(baseUrl);
    const res = await upload(file, 'siswa.csv');
    const latencies = await probe.stop();
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 100_000, field: 'jenis_kelamin' })]);
    await expect(countSiswa('C')).resolves.toBe(0);
    expect(p99(latencies)).toBeLessThan(200);
  });
});
