import request from 'supertest';
import { createRecord, createSiswa, makeNilai } from './factories/records';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, type TestApp } from './utils/test-app';

const SEMESTERS: Array<[string, string]> = [
  ['Ganjil', '2023/2024'],
  ['Genap', '2023/2024'],
  ['Ganjil', '2024/2025'],
];

/**
 * Issue #15: a search over the student's columns resolves the matching students first and passes
 * their ids as one array literal (src/common/query/list-page.ts, applyOwnerSearch). Every paging path
 * must give the same rows as slicing the whole list, with an exact X-Total-Count.
 */
describe('Search by student: pages and totals (e2e)', () => {
  let t: TestApp;
  let admin: string;

  const list = async (query: Record<string, string | number>): Promise<{ ids: number[]; total: string; body: Array<Record<string, unknown>> }> => {
    const res = await request(t.baseUrl).get('/api/nilai').query(query).set(bearer(admin)).expect(200);
    return { ids: (res.body as Array<{ id: number }>).map((r) => r.id), total: res.headers['x-total-count'] as string, body: res.body };
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
    for (const nama of ['Dewi Lestari', 'Dewi Anggraini', 'Ratna Dewi', 'Budi Santoso']) {
      const siswa = await createSiswa(t, { nama });
      for (const [semester, tahun_ajaran] of SEMESTERS) await createRecord(t, 'nilai', makeNilai(siswa.id, { semester, tahun_ajaran }));
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('every page of a search is the matching slice of the whole list, with the exact total', async () => {
    const whole = await list({ search: 'dewi', limit: 100 });
    expect(whole.ids).toHaveLength(9);
    expect(whole.total).toBe('9');
    for (const sort of ['id', '-id', '-rata_rata', 'semester']) {
      const all = await list({ search: 'dewi', limit: 100, sort });
      for (const [skip, limit] of [[0, 4], [4, 4], [8, 4], [3, 2], [9, 4], [20, 4]]) {
        const page = await list({ search: 'dewi', skip, limit, sort });
        expect([sort, skip, limit, page.ids, page.total]).toEqual([sort, skip, limit, all.ids.slice(skip, skip + limit), '9']);
      }
    }
  });

  it('with a filter beside the search the count applies both', async () => {
    const page = await list({ search: 'dewi', semester: 'Ganjil', limit: 2 });
    expect(page.ids).toHaveLength(2);
    expect(page.total).toBe('6');
    const one = await list({ search: 'dewi', semester: 'Ganjil', tahun_ajaran: '2024/2025', limit: 2 });
    expect(one.total).toBe('3');
  });

  it('rows carry their student, and a search matching no student is an empty page', async () => {
    const page = await list({ search: 'dewi', limit: 2 });
    expect(page.body[0]).toMatchObject({ nama_siswa: expect.stringContaining('Dewi') });
    await expect(list({ search: 'tidak ada' })).resolves.toMatchObject({ ids: [], total: '0' });
  });
});
