import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { makeNilai, makePenghasilan, makePresensi, makePrestasi, makeSiswa } from './factories/records';
import { createTestApp, type TestApp } from './utils/test-app';
import { SUBJECT_FIELDS } from '../src/nilai/nilai-subjects';

/**
 * Property-based: random and hostile bodies and query strings against create, update and list of the
 * five record domains. Whatever is sent: never a 5xx, a refusal is problem+json with a detail, a
 * refused request changes nothing stored, and an accepted write is what a read gives back.
 * PROPERTY_RUNS scales the cases (default 40 per operation, 120 per domain).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
const TIMEOUT = 60_000 + RUNS * 3 * 1_000;

/** Every table a record write could touch; the digest of all of them must not move on a refusal. */
const TABLES = ['siswa', 'nilai_raport', 'presensi', 'penghasilan_orang_tua', 'prestasi', 'prediksi_history', 'trash'];
const DIGEST_SQL = `SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x.id), '')) FROM "${t}" x)`).join(' || ')} AS digest`;

// ---- hostile values -------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uFEFF',
  '\u202E',
  'ＡＢＣ１２３',
  '🎓',
  "'; DROP TABLE siswa; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%s%n',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '1_000',
  '١٢٣',
  '9'.repeat(400),
  'x'.repeat(5000),
  'Ganjil',
  'genap ',
  'Pendek',
  '2023/2024',
  '2023/2025',
  '9999/10000',
  '0000/0001',
  'L',
  'P',
  'X',
  'Laki-laki',
  'perempuan',
  'Tinggi',
  'tinggi',
  'Menengah',
  '2007-05-02',
  '2007-02-30',
  '1899-12-31',
  '0000-00-00',
  '2007-05-01T17:00:00.000Z',
  '99999-01-01',
  'N12345',
  'abc',
  '12345',
];
const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  99.99999,
  100,
  100.000001,
  101,
  1e308,
  -1e308,
  5e-324,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e12,
  1e12 + 1,
  1e21,
];

const hostileString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 8 }),
);
const hostileNumber = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const scalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'id', '$gt', '__proto__'), scalar, { maxKeys: 2 }) },
);

/** A JSON object written by hand, so `__proto__` and duplicate keys reach the server as sent. */
function objectText(entries: Array<[string, unknown]>): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

const MALFORMED = [
  '{',
  '{"a":',
  'nul',
  '[1,2',
  '{"siswa_id": 1,}',
  "{'a': 1}",
  '{"a": 1}{"b": 2}',
  '\u0000',
  '"\\ud800"',
  '{"a":"\\u0000"}',
  '',
];
const EXTRA_KEYS = [
  'id',
  'created_at',
  'updated_at',
  'rata_rata',
  'total_penghasilan',
  'kategori_penghasilan',
  'persentase_kehadiran',
  'kategori_kehadiran',
  '__proto__',
  'constructor',
  'prototype',
  '',
  ' nis',
  'NIS',
];

interface BodyCase {
  contentType: string;
  text: string;
}

/** Bodies: a valid one with fields replaced, dropped or added; any JSON at all; or not JSON. */
function bodies(fields: readonly string[], base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BodyCase> {
  const mutated = fc
    .record({
      valid: base,
      drop: fc.subarray([...fields]),
      set: fc.array(fc.tuple(fc.constantFrom(...fields, ...EXTRA_KEYS), hostileValue), { maxLength: 4 }),
    })
    .map(({ valid, drop, set }) => objectText([...Object.entries(valid).filter(([k]) => !drop.includes(k)), ...set]));
  const anyJson = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null');
  const text = fc.oneof(
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED) },
    { weight: 1, arbitrary: base.map((valid) => objectText(Object.entries(valid))) },
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml'),
    },
  );
  return fc.record({ contentType, text });
}

// ---- hostile query strings ------------------------------------------------------------------------

/** Percent-encodes anything, lone surrogates included (as the invalid UTF-8 a careless client sends). */
function encode(value: string): string {
  return value
    .replace(/[\uD800-\uDFFF]/g, '\uFFFD')
    .split('')
    .map((c) => (c === '\uFFFD' ? '%ED%A0%80' : encodeURIComponent(c)))
    .join('');
}

const RAW_FRAGMENTS = ['%', '%Z', '%00', '%FF', '%C0%80', '%E2%82', '+', '%2B', '&', '=', '[]', '%5B%5D', '..', '?', '#'];
const LIST_KEYS = [
  'skip',
  'limit',
  'sort',
  'order',
  'search',
  'siswa_id',
  'kelas',
  'semester',
  'tahun_ajaran',
  'jenis_kelamin',
  'kategori',
  'page',
  'pageSize',
  'skip[]',
  'sort[0]',
  '__proto__',
  'constructor',
  '',
];
const queryValue = fc.oneof(
  { weight: 4, arbitrary: hostileString.map(encode) },
  { weight: 2, arbitrary: hostileNumber.map((n) => encode(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_FRAGMENTS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('id', '-id', 'nama', 'nama_siswa', 'created_at', 'asc', 'desc', 'r.id; DROP TABLE siswa', 'id,nama'),
  },
);
const queryString = fc
  .array(fc.tuple(fc.constantFrom(...LIST_KEYS), queryValue, fc.boolean()), { maxLength: 5 })
  .map((pairs) => pairs.map(([k, v, withValue]) => (withValue ? `${encode(k)}=${v}` : encode(k))).join('&'));

// ---- the domains ----------------------------------------------------------------------------------

interface Domain {
  path: string;
  table: string;
  fields: readonly string[];
  /** Valid create bodies; owned rows pick a student and a semester from small pools, so keys collide. */
  valid(pool: Pools): fc.Arbitrary<Record<string, unknown>>;
}

interface Pools {
  students: number[];
  rows: Record<string, number[]>;
}

const student = (p: Pools): fc.Arbitrary<number> => fc.constantFrom(...p.students);
const semester = fc.record({ semester: fc.constantFrom('Ganjil', 'Genap'), tahun_ajaran: fc.constantFrom('2022/2023', '2023/2024') });
const perSemester = (p: Pools, make: (id: number, o: Record<string, unknown>) => Record<string, unknown>) =>
  fc.tuple(student(p), semester).map(([id, o]) => make(id, o));

const DOMAINS: Domain[] = [
  {
    path: 'siswa',
    table: 'siswa',
    fields: ['nis', 'nama', 'kelas', 'jenis_kelamin', 'tanggal_lahir', 'alamat'],
    // A fresh NIS per body (the factory's counter), so valid students do not all collide.
    valid: () => fc.constant(null).map(() => ({ ...makeSiswa() })),
  },
  {
    path: 'nilai',
    table: 'nilai_raport',
    fields: [
      'siswa_id',
      'semester',
      'tahun_ajaran',
      ...SUBJECT_FIELDS,
    ],
    valid: (p) => perSemester(p, makeNilai),
  },
  {
    path: 'presensi',
    table: 'presensi',
    fields: ['siswa_id', 'semester', 'tahun_ajaran', 'jumlah_hadir', 'jumlah_sakit', 'jumlah_izin', 'jumlah_alpa'],
    valid: (p) => perSemester(p, makePresensi),
  },
  {
    path: 'penghasilan',
    table: 'penghasilan_orang_tua',
    fields: ['siswa_id', 'penghasilan_ayah', 'penghasilan_ibu', 'pekerjaan_ayah', 'pekerjaan_ibu', 'pendidikan_ayah', 'pendidikan_ibu'],
    valid: (p) => student(p).map((id) => makePenghasilan(id)),
  },
  {
    path: 'prestasi',
    table: 'prestasi',
    fields: ['siswa_id', 'semester', 'tahun_ajaran', 'kategori', 'catatan'],
    valid: (p) => perSemester(p, makePrestasi),
  },
];

describe('Records under random and hostile input (property-based e2e)', () => {
  let t: TestApp;
  let db: Client;
  let token: string;
  const pools: Pools = { students: [], rows: {} };
  /** `siswa create 2xx` → how often; the last test checks the generators exercised both outcomes. */
  const outcomes = new Map<string, number>();
  const count = (d: Domain, op: string, status: number): void => {
    const k = `${d.path} ${op} ${Math.floor(status / 100)}xx`;
    outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    token = await tokenFor(t, 'admin');
    for (let i = 0; i < 4; i++) pools.students.push((await send('POST', '/api/siswa', JSON.stringify(makeSiswa()))).body.id as number);
    // One row per domain and student/semester, so updates have targets and creates meet duplicates.
    for (const d of DOMAINS) {
      pools.rows[d.path] = d.path === 'siswa' ? [...pools.students] : [];
      if (d.path === 'siswa') continue;
      for (const s of pools.students.slice(0, 2)) {
        const make = { nilai: makeNilai, presensi: makePresensi, penghasilan: makePenghasilan, prestasi: makePrestasi }[d.path]!;
        const body = make(s, d.path === 'penghasilan' ? {} : { semester: 'Ganjil', tahun_ajaran: '2023/2024' });
        const res = await send('POST', `/api/${d.path}`, JSON.stringify(body));
        expect(res.status).toBe(201);
        pools.rows[d.path]!.push(res.body.id as number);
      }
    }
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, text?: string, contentType = 'application/json') {
    const r = request(t.baseUrl)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](url).set(bearer(token));
    return text === undefined ? r : r.set('Content-Type', contentType).send(text);
  }

  async function digest(): Promise<string> {
    return (await db.query<{ digest: string }>(DIGEST_SQL)).rows[0]!.digest;
  }

  /** What every answer must satisfy, whatever was asked. */
  function expectSane(res: request.Response, what: string): void {
    if (res.status >= 500) throw new Error(`${what} → ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(typeof res.body.detail).toBe('string');
      expect((res.body.detail as string).length).toBeGreaterThan(0);
    }
  }

  describe.each(DOMAINS)('$path', (d) => {
    it(
      'create: never a 5xx; a refusal writes nothing; a success is stored as answered',
      async () => {
        await fc.assert(
          fc.asyncProperty(bodies(d.fields, d.valid(pools)), async (body) => {
            const before = await digest();
            const res = await send('POST', `/api/${d.path}`, body.text, body.contentType);
            expectSane(res, `POST /api/${d.path} ${body.contentType} ${body.text}`);
            count(d, 'create', res.status);
            if (res.status >= 400) {
              await expect(digest()).resolves.toBe(before);
              return;
            }
            expect(res.status).toBe(201);
            const stored = await send('GET', `/api/${d.path}/${res.body.id as number}`);
            expect(stored.body).toEqual(res.body);
            pools.rows[d.path]!.push(res.body.id as number);
            if (d.path === 'siswa') pools.students.push(res.body.id as number);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      'update (PUT and PATCH): never a 5xx; a refusal changes nothing; a success is stored as answered',
      async () => {
        const ids = fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...pools.rows[d.path]!).map(String) },
          { weight: 1, arbitrary: fc.constantFrom('0', '-1', '999999', '2147483648', '1e3', 'abc', '1.5', '%20', encode('\uD800')) },
        );
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom('PUT' as const, 'PATCH' as const),
            ids,
            bodies(d.fields, d.valid(pools)),
            async (method, id, body) => {
              const before = await digest();
              const res = await send(method, `/api/${d.path}/${id}`, body.text, body.contentType);
              expectSane(res, `${method} /api/${d.path}/${id} ${body.contentType} ${body.text}`);
              count(d, 'update', res.status);
              if (res.status >= 400) {
                await expect(digest()).resolves.toBe(before);
                return;
              }
              expect(res.status).toBe(200);
              const stored = await send('GET', `/api/${d.path}/${id}`);
              expect(stored.body).toEqual(res.body);
            },
          ),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );

    it(
      'list: never a 5xx, never a write; 200 is an array with X-Total-Count, anything else a 400',
      async () => {
        await fc.assert(
          fc.asyncProperty(queryString, async (qs) => {
            const before = await digest();
            const res = await send('GET', `/api/${d.path}?${qs}`);
            expectSane(res, `GET /api/${d.path}?${qs}`);
            count(d, 'list', res.status);
            expect([200, 400]).toContain(res.status);
            if (res.status === 200) {
              expect(Array.isArray(res.body)).toBe(true);
              expect(res.headers['x-total-count']).toMatch(/^\d+$/);
            }
            await expect(digest()).resolves.toBe(before);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT,
    );
  });

  it('the generators reach the database: every operation of every domain was both accepted and refused', () => {
    // Guards against generators that only ever produce garbage (the properties would hold vacuously).
    const never: string[] = [];
    for (const d of DOMAINS) {
      for (const op of ['create', 'update', 'list']) {
        for (const outcome of ['2xx', '4xx']) if (!outcomes.get(`${d.path} ${op} ${outcome}`)) never.push(`${d.path} ${op} ${outcome}`);
      }
    }
    expect(never).toEqual([]);
  });
});
