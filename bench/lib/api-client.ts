/** The calls the benchmarks make, over plain fetch, with the admin's token. */
export interface ApiClient {
  token: string;
  get<T>(path: string): Promise<{ body: T; total: number }>;
  post<T>(path: string, body?: unknown): Promise<T>;
  ensureStudents(count: number): Promise<void>;
  ensureLabelledRows(count: number): Promise<void>;
  labelledRows(): Promise<number>;
  nilaiRows(): Promise<number>;
  countStudentsWithData(seed: { semester: string; tahunAjaran: string }): Promise<number>;
  batch(seed: { semester: string; tahunAjaran: string }): Promise<void>;
  train(): Promise<void>;
  exportNilai(): Promise<void>;
}

export async function createApiClient(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  const get = async <T>(path: string): Promise<{ body: T; total: number }> => {
    const res = await fetch(`${baseUrl}${path}`, { headers });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return { body: (await res.json()) as T, total: Number(res.headers.get('x-total-count') ?? 0) };
  };
  const post = async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body ?? {}), signal: AbortSignal.timeout(600_000) });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const students = async (): Promise<number> => (await get<{ total_count: number }>('/api/siswa/count')).body.total_count;
  const labelledRows = async (): Promise<number> =>
    (await get<{ data: { labeled_data: number } }>('/api/prediksi/data-count')).body.data.labeled_data;

  return {
    token,
    get,
    post,
    labelledRows,
    nilaiRows: async () => (await get<unknown[]>('/api/nilai?limit=1')).total,
    ensureStudents: async (count) => {
      for (let have = await students(); have < count; have = await students()) {
        await post(`/api/prediksi/generate-dummy-data?count=${Math.min(5000, count - have)}`);
      }
    },
    ensureLabelledRows: async (count) => {
      for (let have = await labelledRows(); have < count; have = await labelledRows()) {
        const perStudent = Math.max(1, have / Math.max(1, await students()));
        await post(`/api/prediksi/generate-dummy-data?count=${Math.min(10000, Math.ceil((count - have) / perStudent))}`);
      }
    },
    countStudentsWithData: async (seed) =>
      (await get<unknown[]>(`/api/nilai?limit=1&semester=${seed.semester}&tahun_ajaran=${encodeURIComponent(seed.tahunAjaran)}`)).total,
    batch: async (seed) => {
      const res = await post<{ summary: { success_count: number } }>('/api/prediksi/batch', { semester: seed.semester, tahun_ajaran: seed.tahunAjaran });
      if (!(res.summary.success_count > 0)) throw new Error('batch predicted nothing');
    },
    train: async () => {
      await post('/api/prediksi/train', {});
    },
    exportNilai: async () => {
      const res = await fetch(`${baseUrl}/api/nilai/export/excel`, { headers, signal: AbortSignal.timeout(600_000) });
      if (!res.ok || !res.body) throw new Error(`export: ${res.status}`);
      let bytes = 0;
      for await (const chunk of res.body) bytes += (chunk as Uint8Array).length;
      if (bytes < 1000) throw new Error('export too small');
    },
  };
}
