import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared-query';
import type { PredictionCore } from '../domain/predict';

export interface HistoryRow extends PredictionCore {
  siswa_id: number;
  semester: string;
  tahun_ajaran: string;
  model_version: number;
}

/** Distinct JSON documents and, per row, the 1-based index of its document. */
function dictionary(values: readonly unknown[]): { docs: string[]; index: number[] } {
  const docs: string[] = [];
  const seen = new Map<string, number>();
  const index = values.map((v) => {
    const json = JSON.stringify(v);
    let i = seen.get(json);
    if (i === undefined) {
      docs.push(json);
      seen.set(json, (i = docs.length));
    }
    return i;
  });
  return { docs, index };
}

/**
 * Upserts predictions in ONE statement however many there are: the columns travel as arrays and
 * unnest() turns them back into rows, so 10,000 students cost one round trip and never approach the
 * 65,535-parameter limit of a VALUES list. Explanations and probabilities depend only on the leaf a
 * student reaches, so each distinct document is sent and parsed once and rows refer to it by index
 * (this halved the statement's time for 10,000 students). A re-prediction replaces the row of that
 * student-semester. One prepared statement whatever the number of rows (the single prediction runs it
 * on every request).
 */
export async function upsertHistory(dataSource: DataSource, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const probabilities = dictionary(rows.map((r) => r.probabilities));
  const explanations = dictionary(rows.map((r) => r.explanation));
  await preparedQuery(
    dataSource,
    'prediksi_history_upsert',
    `INSERT INTO prediksi_history
       (siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation)
     SELECT u.siswa_id, u.semester, u.tahun_ajaran, u.prediksi_prestasi, u.confidence, d.p[u.p_idx], u.model_version, d.e[u.e_idx]
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::int[], $7::int[], $8::int[])
         AS u(siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, p_idx, model_version, e_idx),
       (SELECT $9::jsonb[] AS p, $10::jsonb[] AS e) d
     ON CONFLICT (siswa_id, semester, tahun_ajaran) DO UPDATE SET
       prediksi_prestasi = EXCLUDED.prediksi_prestasi,
       confidence = EXCLUDED.confidence,
       probabilities = EXCLUDED.probabilities,
       model_version = EXCLUDED.model_version,
       explanation = EXCLUDED.explanation,
       updated_at = now()`,
    [
      rows.map((r) => r.siswa_id),
      rows.map((r) => r.semester),
      rows.map((r) => r.tahun_ajaran),
      rows.map((r) => r.prediksi_prestasi),
      rows.map((r) => r.confidence),
      probabilities.index,
      rows.map((r) => r.model_version),
      explanations.index,
      probabilities.docs,
      explanations.docs,
    ],
  );
}
