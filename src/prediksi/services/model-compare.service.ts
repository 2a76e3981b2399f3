import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deserializeTree, type InstanceRecord } from '../c45';
import { recallOfAtRisk } from '../domain/challenger-rule';
import { FEATURE_CATALOGUE, isFeatureName } from '../domain/feature-catalogue';
import { leafCachedPredictor } from '../domain/predict';
import type { PrediksiModel } from '../model.entity';
import { toModelMetrics } from '../prediksi.mapper';
import { ModelRegistryService } from './model-registry.service';
import { STUDENT_SEMESTER_FROM } from './training-set.sql';

export interface ComparedModel {
  version: number;
  is_active: boolean;
  features: string[];
  label_source: string;
  options: Record<string, unknown>;
  trained_at: string;
  training_set_size: number;
  metrics: ReturnType<typeof toModelMetrics> & { recall_rendah: number };
  calibration: { used: string; brier: number; ece: number } | null;
  fairness_max_ratio: Record<string, unknown> | null;
  challenger: PrediksiModel['challenger'];
}

export interface Disagreement {
  /** Student-semesters with the data a prediction needs (labelled or not), as stored now. */
  rows: number;
  disagree: number;
  disagree_pct: number;
  /** Counted per (prediction of a, prediction of b) where they differ. */
  pairs: Array<{ a: string; b: string; count: number }>;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/** Two stored versions side by side, and how often they predict differently on the school's rows now. */
@Injectable()
export class ModelCompareService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: ModelRegistryService,
  ) {}

  async compare(a: number, b: number): Promise<{ a: ComparedModel; b: ComparedModel; disagreement: Disagreement }> {
    const [ma, mb] = [await this.registry.get(a), await this.registry.get(b)];
    return { a: this.side(ma), b: this.side(mb), disagreement: await this.disagreement(ma, mb) };
  }

  private side(m: PrediksiModel): ComparedModel {
    const used = m.calibration ? m.calibration[m.calibration.used] : null;
    return {
      version: m.version,
      is_active: m.isActive,
      features: m.features,
      label_source: m.labelSource,
      options: { ...m.options },
      trained_at: m.trainedAt.toISOString(),
      training_set_size: m.trainingSetSize,
      metrics: { ...toModelMetrics(m), recall_rendah: recallOfAtRisk(m.cvMetrics) },
      calibration: m.calibration && used ? { used: m.calibration.used, brier: used.brier, ece: used.ece } : null,
      fairness_max_ratio: m.fairness ? Object.fromEntries(Object.entries(m.fairness.attributes).map(([k, v]) => [k, v.max_ratio])) : null,
      challenger: m.challenger,
    };
  }

  /** One query for the union of both models' features, then a (leaf-cached) tree walk per row and model. */
  private async disagreement(a: PrediksiModel, b: PrediksiModel): Promise<Disagreement> {
    const features = [...new Set([...a.features, ...b.features])].filter(isFeatureName);
    const select = features.length ? features.map((f) => `${FEATURE_CATALOGUE[f].sql} AS "${f}"`).join(', ') : '1 AS "__none"';
    const rows = (await this.dataSource.query(`SELECT ${select} ${STUDENT_SEMESTER_FROM}`)) as InstanceRecord[];
    const predictA = leafCachedPredictor(deserializeTree(a.tree));
    const predictB = leafCachedPredictor(deserializeTree(b.tree));
    const pairs = new Map<string, { a: string; b: string; count: number }>();
    let disagree = 0;
    for (const row of rows) {
      const pa = predictA(row).prediksi_prestasi;
      const pb = predictB(row).prediksi_prestasi;
      if (pa === pb) continue;
      disagree++;
      const key = `${pa}\u0000${pb}`;
      const pair = pairs.get(key) ?? { a: pa, b: pb, count: 0 };
      pair.count++;
      pairs.set(key, pair);
    }
    return {
      rows: rows.length,
      disagree,
      disagree_pct: rows.length ? r2((100 * disagree) / rows.length) : 0,
      pairs: [...pairs.values()].sort((x, y) => y.count - x.count || x.a.localeCompare(y.a) || x.b.localeCompare(y.b)),
    };
  }
}
