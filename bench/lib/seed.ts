import type { ApiClient } from './api-client';

export interface SeedInfo {
  siswaIds: number[];
  semester: string;
  tahunAjaran: string;
  /** Counts generated natural keys across all runs, so POST scenarios never collide. */
  sequence: number;
}

/** Reads what the demo school holds: student ids and a semester that has grades for prediction. */
export async function seedForBench(api: ApiClient): Promise<SeedInfo> {
  const siswaIds: number[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await api.get<Array<{ id: number }>>(`/api/siswa?limit=1000&skip=${skip}`);
    siswaIds.push(...page.body.map((s) => s.id));
    if (page.body.length < 1000) break;
  }
  const latest = await api.get<Array<{ semester: string; tahun_ajaran: string }>>('/api/nilai?limit=1&sort=-tahun_ajaran');
  const first = latest.body[0];
  if (!first || siswaIds.length === 0) throw new Error('the demo school is empty: is DEMO_DATA on?');
  return { siswaIds, semester: first.semester, tahunAjaran: first.tahun_ajaran, sequence: 0 };
}
