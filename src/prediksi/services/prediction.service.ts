import { performance } from 'node:perf_hooks';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InstanceRecord } from '../c45';
import { DomainException } from '../../common/http/problem';
import { GroupedWrites } from '../../database/grouped-writes';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { predictionDuration, predictionsTotal } from '../../metrics/instruments';
import { predictInstance, type PredictionCore } from '../domain/predict';
import { type Advice, adviceFor } from '../domain/saran';
import { type Semester, type SemesterPrediksi, semesterPrediksi } from '../domain/semester';
import { predictAll } from './batch-prediction';
import { upsertHistory, type HistoryRow } from './history-upsert';
import { type ActiveModel, ModelRegistryService } from './model-registry.service';
import { loadStudentFeatures, missingParts, type StudentFeatureRow } from './student-features.query';
import { TrainingService } from './training.service';
import type { TeacherScope } from '../../scope/teacher-scope';

export interface DetailFaktor {
  nilai_rata_rata: number | null;
  kategori_penghasilan: string | null;
  kategori_kehadiran: string | null;
  feature_importances: Record<string, number>;
}

export interface Prediction extends PredictionCore {
  siswa_id: number | null;
  nama_siswa: string | null;
  kelas: string | null;
  model_version: number;
  semester_prediksi: SemesterPrediksi | null;
  detail_faktor: DetailFaktor;
}

export interface BatchOutcome {
  semester: Semester;
  tahun_ajaran: string;
  results: Prediction[];
  errors: Array<{ siswa_id: number; nama_siswa: string; detail: string }>;
  modelVersion: number;
  processingSeconds: number;
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

function str(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

@Injectable()
export class PredictionService {
  /**
   * Single predictions' history rows, written together when requests overlap (group commit): a row
   * per statement was the largest cost of a prediction under load. A request still answers only once
   * its row is stored.
   */
  private readonly historyWrites: GroupedWrites<HistoryRow>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ModelRegistryService,
    private readonly training: TrainingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.historyWrites = new GroupedWrites((rows) => upsertHistory(this.dataSource, rows), (r) => `${r.siswa_id}|${r.semester}|${r.tahun_ajaran}`);
  }

  /** One student from one semester's records, with the advice; stored in the history. A student out of the scope's reach is 404. */
  async predictStudent(siswaId: number, semester: Semester, tahunAjaran: string, scope: TeacherScope): Promise<Prediction & Advice> {
    const started = performance.now();
    const active = await this.activeModel();
    const [row] = await loadStudentFeatures(this.dataSource, { siswaId }, semester, tahunAjaran, scope);
    if (!row) throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.SISWA_NOT_FOUND, { id: siswaId });
    const missing = missingParts(row);
    if (missing.length) {
      throw new DomainException(
        HttpStatus.NOT_FOUND,
        PREDIKSI_ERRORS.PREDICTION_DATA_MISSING,
        { missing, siswa_id: siswaId, nama: row.nama, semester, tahun_ajaran: tahunAjaran },
        { missing },
      );
    }
    const prediction = this.fromRow(active, row, semester, tahunAjaran);
    await this.historyWrites.write(this.historyRow(prediction, semester, tahunAjaran));
    const advice = this.advice(active, this.featuresOf(active, row));
    this.observe('single', started);
    return { ...prediction, ...advice };
  }

  /** Raw features (any subset of the catalogue); not stored. Missing features follow C4.5's missing-value rule. */
  async predictWhatIf(features: InstanceRecord, period?: { semester: Semester; tahun_ajaran: string }): Promise<Prediction & Advice> {
    const started = performance.now();
    const active = await this.activeModel();
    const core = this.run(active, features);
    const advice = this.advice(active, features);
    this.observe('what_if', started);
    return {
      siswa_id: null,
      nama_siswa: null,
      kelas: null,
      ...core,
      model_version: active.model.version,
      semester_prediksi: period ? semesterPrediksi(period.semester, period.tahun_ajaran) : null,
      detail_faktor: this.detailFaktor(active, features),
      ...advice,
    };
  }

  /** Every student (or one kelas) within the scope's reach from one semester, stored in the history: see batch-prediction.ts. */
  async predictBatch(semester: Semester, tahunAjaran: string, scope: TeacherScope, kelas?: string): Promise<BatchOutcome> {
    const started = performance.now();
    const outcome = await predictAll(this.dataSource, this, await this.activeModel(), { semester, tahunAjaran, scope, kelas });
    this.observe('batch', started, outcome.results.length);
    return outcome;
  }

  /**
   * Counterfactual advice from the active tree (the features were already accepted by a prediction,
   * so an encoding error cannot happen here).
   */
  advice(active: ActiveModel, features: InstanceRecord): Advice {
    return adviceFor(active.tree, features, this.config.thresholds);
  }

  /** The active model, trained first when none exists yet and enough labelled rows do (409 otherwise). */
  async activeModel(): Promise<ActiveModel> {
    let active = this.registry.active();
    if (!active) {
      await this.training.ensureModel();
      active = this.registry.active();
    }
    if (!active) throw new DomainException(HttpStatus.CONFLICT, PREDIKSI_ERRORS.MODEL_NOT_AVAILABLE);
    return active;
  }

  run(active: ActiveModel, features: InstanceRecord, predictor?: (f: InstanceRecord) => PredictionCore): PredictionCore {
    try {
      return predictor ? predictor(features) : predictInstance(active.tree, features);
    } catch (e) {
      // An unknown category value (e.g. a threshold change introduced a new one) is bad input, not a crash.
      throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, PREDIKSI_ERRORS.PREDICTION_INPUT_INVALID, { reason: e instanceof Error ? e.message : String(e) });
    }
  }

  private fromRow(
    active: ActiveModel,
    row: StudentFeatureRow,
    semester: Semester,
    tahunAjaran: string,
    predictor?: (f: InstanceRecord) => PredictionCore,
  ): Prediction {
    const features = this.featuresOf(active, row);
    return {
      siswa_id: row.siswa_id,
      nama_siswa: row.nama,
      kelas: row.kelas,
      ...this.run(active, features, predictor),
      model_version: active.model.version,
      semester_prediksi: semesterPrediksi(semester, tahunAjaran),
      detail_faktor: this.detailFaktor(active, row),
    };
  }

  /** Only the model's own features, so a stored model keeps working when the catalogue grows. */
  featuresOf(active: ActiveModel, row: Readonly<Record<string, unknown>>): InstanceRecord {
    const out: Record<string, number | string | null> = {};
    for (const a of active.tree.header.attributes) {
      const v = row[a.name];
      out[a.name] = typeof v === 'number' || typeof v === 'string' ? v : null;
    }
    return out;
  }

  detailFaktor(active: ActiveModel, values: Readonly<Record<string, unknown>>): DetailFaktor {
    return {
      nilai_rata_rata: num(values.rata_rata),
      kategori_penghasilan: str(values.kategori_penghasilan),
      kategori_kehadiran: str(values.kategori_kehadiran),
      feature_importances: active.model.featureImportances,
    };
  }

  private historyRow(p: Prediction, semester: string, tahunAjaran: string): HistoryRow {
    return {
      siswa_id: p.siswa_id as number,
      semester,
      tahun_ajaran: tahunAjaran,
      prediksi_prestasi: p.prediksi_prestasi,
      confidence: p.confidence,
      probabilities: p.probabilities,
      explanation: p.explanation,
      model_version: p.model_version,
    };
  }

  private observe(kind: 'single' | 'what_if' | 'batch', started: number, count = 1): void {
    predictionsTotal.inc({ kind }, count);
    predictionDuration.observe({ kind }, (performance.now() - started) / 1000);
  }
}
