import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { performance } from 'node:perf_hooks';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { C45InputError } from '../c45';
import { recordChange } from '../../common/audit/audit-context';
import { DomainException } from '../../common/http/problem';
import type { Message } from '../../i18n/catalogue';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { trainingDuration, trainingsTotal } from '../../metrics/instruments';
import { DEFAULT_FEATURES, type FeatureName, type LabelSource, MIN_TRAINING_ROWS } from '../domain/feature-catalogue';
import { type BuildOptions, DEFAULT_BUILD_OPTIONS } from '../domain/model-builder';
import { type ModelArtifacts, TooFewTrainingRows, trainOffThread, type TrainResult } from '../training/off-thread-build';
import { MODEL_QUALITY_ERRORS } from '../model-quality.errors';
import { PrediksiModel } from '../model.entity';
import type { TrainingSetQuery } from '../training/training-set.reader';
import { ModelRegistryService } from './model-registry.service';
import { TRAINING_LOCK_KEY } from './registry-constants';
import { thresholdSnapshot } from './threshold-snapshot';
import { GROUP_ORDERS, tooFewRows, TrainingSetService } from './training-set.service';

export interface TrainingRequest extends Partial<BuildOptions> {
  label_source?: LabelSource;
  features?: FeatureName[];
  /** Features left out of `features` (e.g. a sensitive attribute), so two models can be compared. */
  exclude_features?: FeatureName[];
}

/**
 * Decides, inside the training transaction (with the new version inserted, inactive), whether it
 * becomes the active model; may write alongside (the champion/challenger decision and its event).
 */
export type ActivationDecision = (m: EntityManager, candidate: PrediksiModel) => Promise<boolean>;

/** The features a request trains on: the requested (or default) ones without the excluded ones. */
export function resolveFeatures(request: Pick<TrainingRequest, 'features' | 'exclude_features'>): FeatureName[] {
  const requested = request.features?.length ? [...new Set(request.features)] : [...DEFAULT_FEATURES];
  const excluded = new Set(request.exclude_features ?? []);
  const features = requested.filter((f) => !excluded.has(f));
  if (!features.length) {
    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, MODEL_QUALITY_ERRORS.TRAINING_NO_FEATURES_LEFT, {
      features: requested.join(', '),
    });
  }
  return features;
}

export interface TrainingOutcome {
  model: PrediksiModel;
  built: ModelArtifacts;
}

export const ALGORITHM = 'C4.5 (J48)';

/** The statement storing a training's row digests (see train()); training is admin-only and rate-limited. */
const ROW_DIGESTS_STORE_TIMEOUT_MS = 120_000;

@Injectable()
export class TrainingService {
  private readonly logger = new Logger(TrainingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly trainingSet: TrainingSetService,
    private readonly registry: ModelRegistryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Trains, stores and activates a new version in ONE transaction holding the training advisory lock:
   * a concurrent training (in any process) gets 409 at once, and a failure anywhere leaves the
   * registry exactly as it was.
   */
  async train(request: TrainingRequest, trainedBy: number | null, decide?: ActivationDecision): Promise<TrainingOutcome> {
    const options: BuildOptions = {
      confidence_factor: request.confidence_factor ?? DEFAULT_BUILD_OPTIONS.confidence_factor,
      min_instances: request.min_instances ?? DEFAULT_BUILD_OPTIONS.min_instances,
      pruned: request.pruned ?? DEFAULT_BUILD_OPTIONS.pruned,
      folds: request.folds ?? DEFAULT_BUILD_OPTIONS.folds,
      laplace: request.laplace ?? DEFAULT_BUILD_OPTIONS.laplace,
    };
    const features = resolveFeatures(request);
    const labelSource = request.label_source ?? 'prestasi';
    const started = performance.now();

    const outcome = await this.trainLocked(features, labelSource, options, trainedBy, started, decide).catch((e: unknown) => {
      trainingsTotal.inc({ outcome: e instanceof DomainException && e.getStatus() === 409 ? 'conflict' : 'error' });
      throw e;
    });
    trainingsTotal.inc({ outcome: 'success' });
    trainingDuration.observe((performance.now() - started) / 1000);
    await this.registry.reload();
    recordChange({
      entity_type: 'model',
      entity_id: outcome.model.version,
      after: { version: outcome.model.version, features, labelSource, active: outcome.model.isActive },
    });
    this.logger.log(
      `Trained model version ${outcome.model.version} on ${outcome.model.trainingSetSize} rows in ${outcome.model.durationMs} ms (CV accuracy ${outcome.built.cv.accuracy})${outcome.model.isActive ? '' : ', kept inactive'}`,
    );
    return outcome;
  }

  private trainLocked(
    features: FeatureName[],
    labelSource: LabelSource,
    options: BuildOptions,
    trainedBy: number | null,
    started: number,
    decide?: ActivationDecision,
  ): Promise<TrainingOutcome> {
    return this.dataSource.transaction(async (m) => {
      const [{ locked }] = (await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [TRAINING_LOCK_KEY])) as Array<{
        locked: boolean;
      }>;
      if (!locked) {
        throw new DomainException(HttpStatus.CONFLICT, PREDIKSI_ERRORS.TRAINING_IN_PROGRESS);
      }
      // The transaction waits, idle, while the worker reads and trains (minutes at district size): the
      // pool's idle_in_transaction_session_timeout (60 s) would end the session and lose the lock.
      await m.query('SET LOCAL idle_in_transaction_session_timeout = 0');
      // Read from the read database (DATABASE_READ_URL), not inside this transaction: the lock only serialises trainings.
      const { set, artifacts: built, heap } = await this.build(await this.trainingSet.query(features, labelSource), options, labelSource);
      this.logger.log(`Training worker heap at the end of the build: ${heap.usedMb} MB used of ${heap.totalMb} MB, ${heap.externalMb} MB external`);
      const [{ next }] = (await m.query('SELECT coalesce(max(version), 0) + 1 AS next FROM model')) as Array<{ next: number }>;
      const userId = trainedBy === null ? null : await this.existingUser(m, trainedBy);
      const model = m.getRepository(PrediksiModel).create({
        version: next,
        isActive: false,
        algorithm: ALGORITHM,
        options,
        features,
        labelSource,
        tree: built.treeJson,
        trainingMetrics: built.training,
        cvMetrics: built.cv,
        confusionMatrix: built.confusion,
        classDistribution: set.classDistribution,
        featureImportances: built.importances,
        trainingSetSize: set.labelled,
        trainingSetHash: set.contentHash,
        trainedBy: userId,
        trainedAt: new Date(),
        durationMs: Math.round(performance.now() - started),
        activatedAt: null,
        provenance: {
          rows: set.labelled,
          total_rows: set.totalRows,
          hash: set.contentHash,
          label_source: labelSource,
          features,
          thresholds: await thresholdSnapshot(m, this.config.thresholds),
        },
        fairness: built.fairness,
        calibration: built.calibration,
        challenger: null,
      });
      await m.getRepository(PrediksiModel).insert(model);
      // Key → digest of every row (tens of MB at district size): the worker's JSON bytes go to PostgreSQL
      // as one bytea parameter, never parsed into an object on this thread. Parsing 1.8 M entries into
      // jsonb took 4.7 s on an idle machine and once passed DB_STATEMENT_TIMEOUT_MS (15 s) under load,
      // failing a finished training with 503: this one statement gets its own, larger bound.
      await m.query(`SET LOCAL statement_timeout = ${Math.max(ROW_DIGESTS_STORE_TIMEOUT_MS, this.config.database.statementTimeoutMs)}`);
      await m.query(`UPDATE model SET training_rows = convert_from($1::bytea, 'UTF8')::jsonb WHERE version = $2`, [
        Buffer.from(set.rowDigests.buffer, set.rowDigests.byteOffset, set.rowDigests.byteLength),
        next,
      ]);
      await m.query(`SET LOCAL statement_timeout = ${this.config.database.statementTimeoutMs}`);
      model.isActive = decide ? await decide(m, model) : true;
      if (model.isActive) await this.registry.activateWithin(m, next);
      return { model, built };
    });
  }

  /**
   * For a prediction when no model exists yet: train one with the defaults if the data allows (409
   * otherwise), or wait for the training another request has just started.
   */
  async ensureModel(): Promise<void> {
    if (this.registry.active() || (await this.registry.reload())) return;
    try {
      await this.train({}, null);
    } catch (e) {
      if (!(e instanceof DomainException) || e.code !== PREDIKSI_ERRORS.TRAINING_IN_PROGRESS) throw e;
      for (let i = 0; i < 100 && !(await this.registry.reload()); i++) await new Promise((r) => setTimeout(r, 100));
    }
    if (!this.registry.active()) {
      throw new DomainException(HttpStatus.CONFLICT, PREDIKSI_ERRORS.MODEL_NOT_AVAILABLE);
    }
  }

  private async build(query: TrainingSetQuery, options: BuildOptions, labelSource: LabelSource): Promise<TrainResult> {
    try {
      return await trainOffThread({ query, options, groupOrders: GROUP_ORDERS, minRows: MIN_TRAINING_ROWS });
    } catch (e) {
      if (e instanceof TooFewTrainingRows) throw tooFewRows(e.labelled, e.total, labelSource);
      // Single-class data and the like: the data cannot make a model, which is a conflict with its state.
      if (e instanceof C45InputError) {
        const reason: Message = { ns: 'messages', key: `C45_${e.code}`, fallback: e.message };
        throw new DomainException(HttpStatus.CONFLICT, PREDIKSI_ERRORS.TRAINING_DATA_UNUSABLE, { reason });
      }
      throw e;
    }
  }

  /** trained_by only when the user still exists (tokens may outlive a deleted user). */
  private async existingUser(m: EntityManager, id: number): Promise<number | null> {
    const rows = (await m.query('SELECT id FROM users WHERE id = $1', [id])) as unknown[];
    return rows.length ? id : null;
  }
}
