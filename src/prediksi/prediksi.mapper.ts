/** Entities and service results → the response DTOs (never an entity on the wire). */
import { deserializeTree, toJ48Text, type TreeJson } from './c45';
import type { BatchPredictionResponseDto, BatchResultDto, PredictionResponseDto, ProbabilitiesDto } from './dto/prediction-response.dto';
import type { ModelDetailDto, ModelMetricsDto, ModelSummaryDto, TrainResponseDto } from './dto/model-response.dto';
import type { HistoryItemDto } from './dto/history-response.dto';
import type { PrediksiModel } from './model.entity';
import type { BatchOutcome, Prediction } from './services/prediction.service';
import type { Advice } from './domain/saran';
import type { HistoryItem } from './services/history.service';
import { msg } from '../i18n/catalogue';
import { t } from '../i18n/language';

function treeCounts(json: TreeJson): { leaves: number; size: number } {
  let leaves = 0;
  let size = 0;
  const walk = (n: TreeJson['root']): void => {
    size++;
    if (n.leaf || !n.children) leaves++;
    else n.children.forEach(walk);
  };
  walk(json.root);
  return { leaves, size };
}

export function toModelMetrics(m: PrediksiModel): ModelMetricsDto {
  const { leaves, size } = treeCounts(m.tree);
  return {
    accuracy: m.cvMetrics.accuracy,
    precision: m.cvMetrics.precision,
    recall: m.cvMetrics.recall,
    f1_score: m.cvMetrics.f1_score,
    class_report: m.cvMetrics.class_report,
    cv: m.cvMetrics,
    training_accuracy: m.trainingMetrics.accuracy,
    majority_class_rate: m.cvMetrics.majority_class_rate,
    num_leaves: leaves,
    tree_size: size,
  };
}

export function toModelSummary(m: PrediksiModel): ModelSummaryDto {
  return {
    version: m.version,
    is_active: m.isActive,
    algorithm: m.algorithm,
    features: m.features,
    label_source: m.labelSource,
    options: { ...m.options },
    accuracy: m.cvMetrics.accuracy,
    training_accuracy: m.trainingMetrics.accuracy,
    cv_folds: m.cvMetrics.folds,
    training_set_size: m.trainingSetSize,
    training_set_hash: m.trainingSetHash,
    class_distribution: m.classDistribution,
    trained_by: m.trainedBy,
    trained_at: m.trainedAt.toISOString(),
    duration_ms: m.durationMs,
    activated_at: m.activatedAt ? m.activatedAt.toISOString() : null,
  };
}

export function toModelDetail(m: PrediksiModel): ModelDetailDto {
  return {
    ...toModelSummary(m),
    metrics: toModelMetrics(m),
    confusion_matrix: m.confusionMatrix,
    feature_importances: m.featureImportances,
    tree_text: toJ48Text(deserializeTree(m.tree)),
  };
}

export function toTrainResponse(m: PrediksiModel): TrainResponseDto {
  const metrics = toModelMetrics(m);
  const note = m.cvMetrics.folds_note ? ` (${m.cvMetrics.folds_note})` : '';
  const accuracy = (metrics.accuracy * 100).toFixed(2);
  return {
    status: 'success',
    message: t(msg('MODEL_TRAINED', { version: m.version, samples: m.trainingSetSize, folds: m.cvMetrics.folds, accuracy, note })),
    data: {
      model_version: m.version,
      accuracy: metrics.accuracy,
      samples: m.trainingSetSize,
      label_source: m.labelSource,
      features: m.features,
      duration_ms: m.durationMs,
      metrics,
    },
  };
}

export function toPredictionResponse(p: Prediction & Advice): PredictionResponseDto {
  return { ...p, probabilities: p.probabilities as unknown as ProbabilitiesDto };
}

function toBatchResult(p: Prediction): BatchResultDto {
  return {
    siswa_id: p.siswa_id as number,
    nama_siswa: p.nama_siswa as string,
    kelas: p.kelas as string,
    prediksi_prestasi: p.prediksi_prestasi,
    confidence: p.confidence,
    probabilities: p.probabilities as unknown as ProbabilitiesDto,
    detail_faktor: p.detail_faktor,
    semester_prediksi: p.semester_prediksi as NonNullable<Prediction['semester_prediksi']>,
  };
}

export function toBatchResponse(o: BatchOutcome, kelas: string | undefined): BatchPredictionResponseDto {
  const total = o.results.length + o.errors.length;
  const scope = kelas ? msg('BATCH_SCOPE_KELAS', { kelas }) : msg('BATCH_SCOPE_ALL');
  return {
    status: 'success',
    message: t(
      total
        ? msg('BATCH_DONE', { scope, semester: o.semester, tahun_ajaran: o.tahun_ajaran, success: o.results.length, failed: o.errors.length })
        : msg('BATCH_EMPTY', { scope }),
    ),
    semester: o.semester,
    tahun_ajaran: o.tahun_ajaran,
    kelas: kelas ?? null,
    model_version: o.modelVersion,
    summary: {
      total_siswa: total,
      success_count: o.results.length,
      error_count: o.errors.length,
      success_rate: total ? Math.round((o.results.length / total) * 10000) / 100 : 0,
    },
    results: o.results.map(toBatchResult),
    errors: o.errors,
    processing_time: Math.round(o.processingSeconds * 1000) / 1000,
  };
}

export function toHistoryItem(h: HistoryItem): HistoryItemDto {
  return { ...h, created_at: new Date(h.created_at).toISOString(), updated_at: new Date(h.updated_at).toISOString() };
}
