import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/jobs/batched-purge';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { setModelStalenessProbe } from '../../metrics/instruments';
import type { PrediksiModel } from '../model.entity';
import { ModelRegistryService } from './model-registry.service';
import { sameThresholds, thresholdSnapshot } from './threshold-snapshot';
import { labelSql, ROW_KEY_SQL, rowDigestSql } from './training-rows.sql';
import { STUDENT_SEMESTER_FROM } from './training-set.sql';

/** Labelled rows added, removed or changed since training, as a share of the rows trained on, that make a model stale. */
export const STALE_CHANGED_ROWS_PCT = 10;

/**
 * How old the `stale` flag of model-metrics and the /metrics gauge may be: the comparison reads every
 * labelled row (about 1 s for 40,000 on a busy machine), too much for each dashboard load or scrape.
 * GET models/active/status always compares afresh (and refreshes what they show).
 */
export const STALE_FLAG_MAX_AGE_MS = 60_000;

/** Why a model is stale (README, "Model quality"). */
export type StaleReason = 'labelled_rows_changed' | 'thresholds_changed' | 'too_old' | 'provenance_unknown';

export interface ModelStatus {
  model_version: number;
  stale: boolean;
  reasons: StaleReason[];
  trained_at: string;
  rows_at_training: number;
  /** Labelled rows now (null when the model's provenance is unknown). */
  rows_now: number | null;
  /** Labelled rows added, removed or changed since training, in % of rows_at_training. */
  changed_rows_pct: number | null;
  thresholds_changed: boolean | null;
  age_days: number;
  max_age_days: number;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Whether a model still describes the school's data. Training recorded a digest per labelled row
 * (key → md5 of the model's features and label); one query compares them with the rows now (a full
 * join: added, removed and changed rows all count). Thresholds are compared with app_setting.
 */
@Injectable()
export class ModelStalenessService implements OnModuleInit, OnModuleDestroy {
  private latest?: { modelId: number; at: number; status: ModelStatus };

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ModelRegistryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    setModelStalenessProbe(async () => {
      const active = this.registry.active();
      return active ? this.recentStatus(active.model) : null;
    });
  }

  onModuleDestroy(): void {
    setModelStalenessProbe(undefined);
  }

  /** The last status of this model when younger than STALE_FLAG_MAX_AGE_MS, else a fresh one. */
  async recentStatus(model: PrediksiModel): Promise<ModelStatus> {
    const latest = this.latest;
    if (latest && latest.modelId === model.id && Date.now() - latest.at < STALE_FLAG_MAX_AGE_MS) return latest.status;
    return this.status(model);
  }

  async status(model: PrediksiModel, now = new Date()): Promise<ModelStatus> {
    const status = await this.compute(model, now);
    this.latest = { modelId: model.id, at: now.getTime(), status };
    return status;
  }

  private async compute(model: PrediksiModel, now: Date): Promise<ModelStatus> {
    const maxAge = this.config.model.maxAgeDays;
    const ageDays = r2((now.getTime() - model.trainedAt.getTime()) / DAY_MS);
    const base = {
      model_version: model.version,
      trained_at: model.trainedAt.toISOString(),
      rows_at_training: model.trainingSetSize,
      age_days: ageDays,
      max_age_days: maxAge,
    };
    const tooOld = ageDays > maxAge;
    const provenance = model.provenance;
    if (!provenance) {
      const reasons: StaleReason[] = ['provenance_unknown', ...(tooOld ? (['too_old'] as const) : [])];
      return { ...base, stale: true, reasons, rows_now: null, changed_rows_pct: null, thresholds_changed: null };
    }
    const { rowsNow, changed } = await this.compareRows(model);
    const changedPct = provenance.rows > 0 ? r2((100 * changed) / provenance.rows) : rowsNow > 0 ? 100 : 0;
    const thresholdsChanged = !sameThresholds(
      provenance.thresholds,
      await thresholdSnapshot(this.dataSource.manager, this.config.thresholds),
    );
    const reasons: StaleReason[] = [];
    if (changedPct >= STALE_CHANGED_ROWS_PCT) reasons.push('labelled_rows_changed');
    if (thresholdsChanged) reasons.push('thresholds_changed');
    if (tooOld) reasons.push('too_old');
    return {
      ...base,
      stale: reasons.length > 0,
      reasons,
      rows_now: rowsNow,
      changed_rows_pct: changedPct,
      thresholds_changed: thresholdsChanged,
    };
  }

  private async compareRows(model: PrediksiModel): Promise<{ rowsNow: number; changed: number }> {
    const { features, label_source: labelSource } = model.provenance!;
    const [row] = (await this.dataSource.query(
      `WITH now_rows AS (
         SELECT ${ROW_KEY_SQL} AS k, ${rowDigestSql(features, labelSource)} AS h ${STUDENT_SEMESTER_FROM}
         WHERE ${labelSql(labelSource)} IS NOT NULL),
       trained AS (SELECT t.key AS k, t.value AS h FROM model m, jsonb_each_text(m.training_rows) t WHERE m.id = $1)
       SELECT (SELECT count(*) FROM now_rows)::int AS rows_now,
              count(*) FILTER (WHERE now_rows.k IS NULL OR trained.k IS NULL OR now_rows.h <> trained.h)::int AS changed
       FROM now_rows FULL JOIN trained ON trained.k = now_rows.k`,
      [model.id],
    )) as Array<{ rows_now: number; changed: number }>;
    return { rowsNow: row.rows_now, changed: row.changed };
  }
}
