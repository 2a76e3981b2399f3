import { HttpStatus, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { parseCron, scheduleCron } from '../../common/jobs/cron-schedule';
import { DomainException } from '../../common/http/problem';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { msg } from '../../i18n/catalogue';
import { judgeChallenger } from '../domain/challenger-rule';
import type { FeatureName } from '../domain/feature-catalogue';
import { MODEL_QUALITY_ERRORS } from '../model-quality.errors';
import type { ChallengerDecision, PrediksiModel } from '../model.entity';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { ModelRegistryService } from './model-registry.service';
import { type ModelStatus, ModelStalenessService } from './model-staleness.service';
import { RETRAIN_LOCK_KEY } from './registry-constants';
import { TrainingService } from './training.service';

/** Who asked: a request (its event context) or the MODEL_RETRAIN_CRON schedule. */
export interface RetrainOrigin {
  trigger: 'request' | 'schedule';
  requestId?: string | null;
  user?: { id: number; username: string; role: string } | null;
  /** Scheduled runs: the minute (epoch minutes) of the schedule tick, claimed once across instances. */
  slot?: number;
}

export interface RetrainOutcome {
  retrained: boolean;
  /** The champion's status before retraining. */
  status: ModelStatus;
  challenger_version: number | null;
  decision: ChallengerDecision | null;
}

export const DECISION_EVENT_ACTION = 'model.challenger_decision';
const RETRAIN_PATH = '/api/prediksi/retrain-if-stale';
/** app_setting key holding the last schedule tick some instance retrained for. */
export const RETRAIN_SLOT_SETTING = 'model.retrain_slot';

/**
 * Champion/challenger retraining: when the active model is stale (or when forced), train a challenger
 * with the champion's settings on today's data, and activate it only when `judgeChallenger` says so.
 * The decision is stored on the challenger and written as an event in the training transaction, so
 * a version exists exactly with its decision. A session advisory lock makes one instance do it.
 */
@Injectable()
export class ChampionChallengerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChampionChallengerService.name);
  private stop?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ModelRegistryService,
    private readonly staleness: ModelStalenessService,
    private readonly training: TrainingService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const cron = this.config.model.retrainCron;
    if (!cron) return;
    this.stop = scheduleCron(
      parseCron(cron),
      this.config.schoolTimezone,
      () => this.scheduledRun(Math.floor(Date.now() / 60_000)),
      (error) => this.logger.warn(`Scheduled retraining failed: ${String(error)}`),
    );
    this.logger.log(`Champion/challenger retraining scheduled: ${cron} (${this.config.schoolTimezone})`);
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  private async scheduledRun(slot: number): Promise<void> {
    try {
      const outcome = await this.retrainIfStale({ trigger: 'schedule', slot });
      if (!outcome.retrained) this.logger.log(`Scheduled retraining: model ${outcome.status.model_version} is not stale`);
    } catch (e) {
      // Another instance (or an admin) is retraining, or no model exists yet: nothing to do this time.
      if (e instanceof DomainException && e.getStatus() < 500) this.logger.log(`Scheduled retraining skipped: ${e.code}`);
      else throw e;
    }
  }

  async retrainIfStale(origin: RetrainOrigin, force = false): Promise<RetrainOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [RETRAIN_LOCK_KEY])) as Array<{
        locked: boolean;
      }>;
      if (!locked) throw new DomainException(HttpStatus.CONFLICT, MODEL_QUALITY_ERRORS.RETRAIN_IN_PROGRESS);
      try {
        return await this.retrainLocked(origin, force);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [RETRAIN_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async retrainLocked(origin: RetrainOrigin, force: boolean): Promise<RetrainOutcome> {
    const champion = (await this.registry.reload())?.model;
    if (!champion) throw new DomainException(HttpStatus.NOT_FOUND, PREDIKSI_ERRORS.MODEL_NOT_FOUND, { reason: msg('NO_MODEL_TRAINED') });
    const status = await this.staleness.status(champion);
    const claimed = origin.slot === undefined || (await this.claimSlot(origin.slot));
    if (!claimed || (!status.stale && !force)) return { retrained: false, status, challenger_version: null, decision: null };

    let decision: ChallengerDecision | null = null;
    const { model } = await this.training.train(
      {
        ...champion.options,
        laplace: champion.options.laplace ?? false,
        label_source: champion.labelSource,
        features: champion.features as FeatureName[],
      },
      origin.user?.id ?? null,
      async (m, candidate) => {
        decision = await this.decide(m, candidate, origin);
        return decision.activated;
      },
    );
    const verdict = decision as ChallengerDecision | null;
    this.logger.log(
      `Challenger version ${model.version} ${verdict?.activated ? 'activated' : `kept inactive (${verdict?.reasons.join(', ')})`} against champion ${verdict?.champion_version}`,
    );
    return { retrained: true, status, challenger_version: model.version, decision: verdict };
  }

  /**
   * Every instance runs the schedule; the lock makes them take turns, and this makes the turns after
   * the first one a no-op (otherwise a rejected challenger would leave the champion stale and the next
   * instance would train another). True for the first claim of the slot.
   */
  private async claimSlot(slot: number): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `INSERT INTO app_setting (key, value, updated_at) VALUES ($1, to_jsonb($2::bigint), now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
       WHERE (app_setting.value #>> '{}')::bigint < $2::bigint
       RETURNING key`,
      [RETRAIN_SLOT_SETTING, slot],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Inside the training transaction: judge against the model active now, store the decision, write its event. */
  private async decide(m: EntityManager, candidate: PrediksiModel, origin: RetrainOrigin): Promise<ChallengerDecision> {
    const [champion] = (await m.query('SELECT version, cv_metrics FROM model WHERE is_active')) as Array<{
      version: number;
      cv_metrics: PrediksiModel['cvMetrics'];
    }>;
    const verdict = champion
      ? judgeChallenger(champion.cv_metrics, candidate.cvMetrics, this.config.model.maxAccuracyDrop)
      : { ...judgeChallenger(candidate.cvMetrics, candidate.cvMetrics, this.config.model.maxAccuracyDrop), activated: true };
    const decision: ChallengerDecision = {
      ...verdict,
      champion_version: champion?.version ?? candidate.version,
      trigger: origin.trigger,
      decided_at: new Date().toISOString(),
    };
    await m.query('UPDATE model SET challenger = $2::jsonb WHERE version = $1', [candidate.version, JSON.stringify(decision)]);
    candidate.challenger = decision;
    await m.query(
      `INSERT INTO event_log (occurred_at, request_id, category, action, user_id, username, role, method, path, status,
         duration_ms, ip, user_agent, entity_type, entity_id, changes)
       VALUES (now(), $1, 'ML', $2, $3, $4, $5, $6, $7, 200, 0, NULL, NULL, 'model', $8, $9::jsonb)`,
      [
        origin.requestId ?? null,
        DECISION_EVENT_ACTION,
        origin.user?.id ?? null,
        origin.user?.username ?? null,
        origin.user?.role ?? null,
        origin.trigger === 'request' ? 'POST' : 'CRON',
        origin.trigger === 'request' ? RETRAIN_PATH : `MODEL_RETRAIN_CRON ${this.config.model.retrainCron ?? ''}`.trim(),
        String(candidate.version),
        JSON.stringify({ challenger_version: candidate.version, ...decision }),
      ],
    );
    return decision;
  }
}
