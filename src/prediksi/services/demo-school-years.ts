import type { EntityManager } from 'typeorm';

/**
 * Once a school has years, records must name one (migration 1764231500000): demo data for a year
 * the school has not created yet creates that year first (inactive). Without any years, nothing is
 * created, so generating demo data does not switch a school without years to strict checking.
 */
export async function ensureDemoYears(m: EntityManager, names: Iterable<string>): Promise<void> {
  const list = [...new Set(names)];
  if (list.length === 0) return;
  await m.query(
    `INSERT INTO tahun_ajaran (nama, mulai, selesai)
     SELECT n, make_date(substr(n, 1, 4)::int, 7, 1), make_date(substr(n, 6, 4)::int, 6, 30)
     FROM unnest($1::text[]) AS n
     WHERE EXISTS (SELECT 1 FROM tahun_ajaran)
     ON CONFLICT (nama) DO NOTHING`,
    [list],
  );
}
