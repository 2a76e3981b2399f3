import type { EntityManager } from 'typeorm';
import type { PredictionCore } from '../domain/predict';

export interface HistoryRow extends PredictionCore {
  siswa_id: number;
  semester: string;
  tahun_ajaran: string;
  model_version: number;
}

/**
 * Upserts predictions in ONE statement however many there are: the columns travel as arrays and
 * unnest() turns them back into rows, so 10,000 students cost one round trip and never approach the
 * 65,535-parameter limit of a VALUES list. A re-prediction replaces the row of that student-semester.
 */
export async function upsertHistory(m: EntityManager, rows: readonly HistoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await m.query(
    `INSERT INTO prediksi_history
       (siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation)
     SELECT u.siswa_id, u.semester, u.tahun_ajaran, u.prediksi_prestasi, u.confidence, u.probabilities::jsonb, u.model_version, u.explanation::jsonb
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::int[], $8::text[])
         AS u(siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation)
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
      rows.map((r) => JSON.stringify(r.probabilities)),
      rows.map((r) => r.model_version),
      rows.map((r) => JSON.stringify(r.explanation)),
    ],
  );
}
