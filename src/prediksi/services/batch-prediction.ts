import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource, QueryRunner } from 'typeorm';
import type { InstanceRecord } from '../c45';
import { msg } from '../../i18n/catalogue';
import { t } from '../../i18n/language';
import { leafCachedPredictor, type PredictionCore } from '../domain/predict';
import { type Semester, semesterPrediksi } from '../domain/semester';
import type { ActiveModel } from './model-registry.service';
import type { BatchOutcome, DetailFaktor, Prediction } from './prediction.service';
import { loadStudentFeaturesPage, missingParts, type StudentFeatureRow } from './student-features.query';
import type { TeacherScope } from '../../scope/teacher-scope';

/** Students read, predicted and written per step: a page's rows are the only ones held at a time. */
export const BATCH_PAGE_SIZE = 5000;

/** What the batch takes from PredictionService, so a student's prediction is built by the same code as the single one. */
export interface BatchPredictor {
  featuresOf(active: ActiveModel, row: Readonly<Record<string, unknown>>): InstanceRecord;
  run(active: ActiveModel, features: InstanceRecord, predictor?: (f: InstanceRecord) => PredictionCore): PredictionCore;
  detailFaktor(active: ActiveModel, values: Readonly<Record<string, unknown>>): DetailFaktor;
}

export interface BatchRequest {
  semester: Semester;
  tahunAjaran: string;
  scope: TeacherScope;
  kelas?: string;
  /** Only for tests: a small page makes a small school span several pages. */
  pageSize?: number;
}

const STAGE = 'prediksi_batch_stage';
const UPDATED = ['prediksi_prestasi', 'confidence', 'probabilities', 'model_version', 'explanation'];

/**
 * The history rows of a batch travel through a temporary table: each page is COPYed in (five short
 * columns; probabilities and explanations, one per leaf, as indexes into two jsonb arrays sent once
 * per page) and upserted from there in one statement, so every statement stays short (the pool's
 * statement_timeout is 15 s) however big the district.
 */
class HistoryWriter {
  private readonly probabilities = new Map<object, number>();
  private readonly explanations = new Map<object, number>();

  constructor(
    private readonly runner: QueryRunner,
    private readonly period: { semester: string; tahunAjaran: string; modelVersion: number },
  ) {}

  async open(): Promise<void> {
    await this.runner.startTransaction();
    await this.runner.query(
      `CREATE TEMP TABLE ${STAGE} (siswa_id int, prediksi_prestasi text, confidence float8, p_idx int, e_idx int) ON COMMIT DROP`,
    );
  }

  /** A leaf's shared document, by identity (the leaf-cached predictor hands out the same object per leaf). */
  private indexOf(map: Map<object, number>, doc: object): number {
    let i = map.get(doc);
    if (i === undefined) map.set(doc, (i = map.size + 1));
    return i;
  }

  async write(page: readonly Prediction[]): Promise<void> {
    if (page.length === 0) return;
    let text = '';
    for (const p of page) {
      text += `${p.siswa_id}\t${p.prediksi_prestasi}\t${p.confidence}\t${this.indexOf(this.probabilities, p.probabilities)}\t${this.indexOf(this.explanations, p.explanation)}\n`;
    }
    const client = (await this.runner.connect()) as { query(stream: unknown): NodeJS.WritableStream };
    await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${STAGE} FROM STDIN`)));
    await this.runner.query(
      `INSERT INTO prediksi_history (siswa_id, semester, tahun_ajaran, prediksi_prestasi, confidence, probabilities, model_version, explanation)
       SELECT b.siswa_id, $1, $2, b.prediksi_prestasi, b.confidence, d.p[b.p_idx], $3, d.e[b.e_idx]
         FROM ${STAGE} b, (SELECT $4::jsonb[] AS p, $5::jsonb[] AS e) d
       ON CONFLICT (siswa_id, semester, tahun_ajaran) DO UPDATE SET ${UPDATED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`,
      [this.period.semester, this.period.tahunAjaran, this.period.modelVersion, documents(this.probabilities), documents(this.explanations)],
    );
    await this.runner.query(`TRUNCATE ${STAGE}`);
  }
}

/**
 * The promise itself, marked as handled: it is awaited later, after another await that may throw
 * first, and an unhandled rejection meanwhile would end the process.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The documents of a dictionary as JSON, in index order. */
function documents(map: Map<object, number>): string[] {
  const out: string[] = [];
  for (const [doc, i] of map) out[i - 1] = JSON.stringify(doc);
  return out;
}

/**
 * Every student (or one kelas) within the scope's reach from one semester, at any size: the features
 * are read page by page (keyset on the student id), each page is predicted in memory (one tree walk
 * per student, the leaf's answer shared) and written while the next page is being read. The history
 * of the whole batch is written in ONE transaction, so a failure leaves none of it. What is kept for
 * the answer is one small object per student: the leaf's answer, the semester and the model's
 * feature importances are shared, not copied.
 */
export async function predictAll(dataSource: DataSource, parts: BatchPredictor, active: ActiveModel, request: BatchRequest): Promise<BatchOutcome> {
  const started = performance.now();
  const { semester, tahunAjaran, scope, kelas } = request;
  const limit = request.pageSize ?? BATCH_PAGE_SIZE;
  const results: Prediction[] = [];
  const errors: BatchOutcome['errors'] = [];
  const predictor = leafCachedPredictor(active.tree);
  const semester_prediksi = semesterPrediksi(semester, tahunAjaran);
  const missingDetail = new Map<string, string>();
  const kelasNames = new Map<string, string>();

  const predict = (row: StudentFeatureRow): Prediction | undefined => {
    const missing = missingParts(row);
    if (missing.length) {
      const key = missing.join();
      let detail = missingDetail.get(key);
      if (detail === undefined) missingDetail.set(key, (detail = t(msg('BATCH_DATA_MISSING', { missing, semester, tahun_ajaran: tahunAjaran }))));
      errors.push({ siswa_id: row.siswa_id, nama_siswa: row.nama, detail });
      return undefined;
    }
    try {
      const core = parts.run(active, parts.featuresOf(active, row), predictor);
      let kelasName = kelasNames.get(row.kelas);
      if (kelasName === undefined) kelasNames.set(row.kelas, (kelasName = row.kelas));
      return {
        siswa_id: row.siswa_id,
        nama_siswa: row.nama,
        kelas: kelasName,
        ...core,
        model_version: active.model.version,
        semester_prediksi,
        detail_faktor: parts.detailFaktor(active, row),
      };
    } catch (e) {
      errors.push({ siswa_id: row.siswa_id, nama_siswa: row.nama, detail: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
  };

  const read = (afterId: number): Promise<StudentFeatureRow[]> =>
    loadStudentFeaturesPage(dataSource, { kelas }, semester, tahunAjaran, scope, { afterId, limit });
  const runner = dataSource.createQueryRunner('master');
  const writer = new HistoryWriter(runner, { semester, tahunAjaran, modelVersion: active.model.version });
  try {
    await writer.open();
    let writing: Promise<void> = Promise.resolve();
    let next: Promise<StudentFeatureRow[]> | null = handled(read(0));
    while (next) {
      const rows: StudentFeatureRow[] = await next;
      // The next page is read (on a pooled connection) while this one is predicted and written.
      next = rows.length === limit ? handled(read(rows[rows.length - 1]!.siswa_id)) : null;
      const page: Prediction[] = [];
      for (const row of rows) {
        const p = predict(row);
        if (p) page.push(p);
      }
      for (const p of page) results.push(p);
      await writing;
      writing = handled(writer.write(page));
    }
    await writing;
    await runner.commitTransaction();
  } catch (e) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw e;
  } finally {
    await runner.release();
  }
  return { semester, tahun_ajaran: tahunAjaran, results, errors, modelVersion: active.model.version, processingSeconds: (performance.now() - started) / 1000 };
}
