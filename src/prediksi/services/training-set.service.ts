import { createHash } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { EntityManager } from 'typeorm';
import { ReadDatabase } from '../../database/read-database';
import type { DatasetSpec, FeatureColumnSpec } from '../c45';
import { DomainException } from '../../common/http/problem';
import { msg } from '../../i18n/catalogue';
import { PREDIKSI_ERRORS } from '../prediksi.errors';
import { FEATURE_CATALOGUE, type FeatureName, KATEGORI_PRESTASI, type LabelSource, MIN_TRAINING_ROWS } from '../domain/feature-catalogue';
import { FAIRNESS_ATTRIBUTES, type FairnessAttribute } from '../domain/fairness';
import { labelSql, ROW_KEY_SQL, rowDigestSql } from './training-rows.sql';
import { STUDENT_SEMESTER_FROM } from './training-set.sql';

/** Where each fairness attribute comes from (it need not be a feature of the model). */
const GROUP_SQL: Record<FairnessAttribute, string> = { jenis_kelamin: 's.jenis_kelamin', kategori_penghasilan: 'o.kategori_penghasilan' };
/** Declared values of each fairness attribute, so reports list groups in this order. */
export const GROUP_ORDERS: Record<FairnessAttribute, readonly string[]> = {
  jenis_kelamin: ['L', 'P'],
  kategori_penghasilan: FEATURE_CATALOGUE.kategori_penghasilan.domain ?? [],
};

type Cell = number | string | null;

export interface TrainingSet {
  features: FeatureName[];
  labelSource: LabelSource;
  /** Student-semesters with nilai, presensi and penghasilan (labelled or not). */
  totalRows: number;
  /** The learner's input: labelled rows only. */
  spec: DatasetSpec;
  labels: string[];
  classDistribution: Record<string, number>;
  /** sha256 of the feature names, label source and every labelled row, in a fixed order. */
  contentHash: string;
  /** Per fairness attribute, each labelled row's value (row order of `labels`). */
  groups: Record<FairnessAttribute, Array<string | null>>;
  /** Per labelled row, its key (student:year:semester) → digest of its values and label (staleness). */
  rowDigests: Record<string, string>;
}

@Injectable()
export class TrainingSetService {
  constructor(
    private readonly read: ReadDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Assembles the training set in ONE query. Feature names come from the catalogue (validated by the
   * request DTO), so the SQL interpolates only the catalogue's own expressions.
   */
  async load(features: readonly FeatureName[], labelSource: LabelSource, manager: EntityManager = this.read.manager): Promise<TrainingSet> {
    await this.assertFitsInMemory(manager);
    const select = features.map((f) => `${FEATURE_CATALOGUE[f].sql} AS "${f}"`).join(', ');
    const groupSelect = FAIRNESS_ATTRIBUTES.map((g) => `${GROUP_SQL[g]} AS "__group_${g}"`).join(', ');
    const rows: Array<Record<string, Cell>> = await manager.query(
      `SELECT ${select}, ${labelSql(labelSource)} AS "__label", ${groupSelect},
         ${ROW_KEY_SQL} AS "__key", ${rowDigestSql(features, labelSource)} AS "__digest" ${STUDENT_SEMESTER_FROM}
       ORDER BY n.siswa_id, n.tahun_ajaran, n.semester`,
    );
    const labelled = rows.filter((r) => r.__label !== null);
    if (labelled.length < MIN_TRAINING_ROWS) throw tooFewRows(labelled.length, rows.length, labelSource);

    const labels = labelled.map((r) => String(r.__label));
    const columns: FeatureColumnSpec[] = features.map((f) => {
      const def = FEATURE_CATALOGUE[f];
      return def.type === 'numeric'
        ? { name: f, type: 'numeric', values: labelled.map((r) => (r[f] === null ? null : Number(r[f]))) }
        : { name: f, type: 'nominal', values: labelled.map((r) => (r[f] === null ? null : String(r[f]))), domain: def.domain };
    });
    const classDistribution: Record<string, number> = Object.fromEntries(KATEGORI_PRESTASI.map((k) => [k, 0]));
    for (const l of labels) classDistribution[l] = (classDistribution[l] ?? 0) + 1;

    const hash = createHash('sha256').update(JSON.stringify({ features, labelSource }));
    for (const r of labelled) hash.update('\n' + JSON.stringify(features.map((f) => r[f]).concat(r.__label)));

    const groups = Object.fromEntries(
      FAIRNESS_ATTRIBUTES.map((g) => [g, labelled.map((r) => (r[`__group_${g}`] === null ? null : String(r[`__group_${g}`])))]),
    ) as Record<FairnessAttribute, Array<string | null>>;
    const rowDigests: Record<string, string> = {};
    for (const r of labelled) rowDigests[String(r.__key)] = String(r.__digest);

    return {
      groups,
      rowDigests,
      features: [...features],
      labelSource,
      totalRows: rows.length,
      spec: { relation: 'prestasi_siswa', features: columns, target: { name: 'prestasi', values: labels, domain: KATEGORI_PRESTASI } },
      labels,
      classDistribution,
      contentHash: hash.digest('hex'),
    };
  }

  /**
   * The set is read into memory as one object per student-semester: above TRAINING_MAX_ROWS a district
   * database would run the API process out of heap (measured: 1.8 M rows under --max-old-space-size=256),
   * so training is refused with a clear answer before anything is read.
   */
  private async assertFitsInMemory(manager: EntityManager): Promise<void> {
    const max = this.config.trainingMaxRows;
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 ${STUDENT_SEMESTER_FROM} LIMIT ${max + 1}) AS bounded`,
    )) as Array<{ n: number }>;
    if (n > max) {
      const [{ total }] = (await manager.query(`SELECT count(*)::int AS total ${STUDENT_SEMESTER_FROM}`)) as Array<{ total: number }>;
      throw tooManyRows(total, max);
    }
  }
}

/** 422 before loading: the rows would not fit in the process's heap (the whole set is held as objects today). */
function tooManyRows(rows: number, max: number): DomainException {
  return new DomainException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    PREDIKSI_ERRORS.TRAINING_SET_TOO_LARGE,
    { rows, max },
    { total_data: rows, max_rows: max },
  );
}

export function tooFewRows(labelled: number, total: number, labelSource: LabelSource): DomainException {
  const how = msg(labelSource === 'rule' ? 'TRAINING_HOW_RULE' : 'TRAINING_HOW_PRESTASI');
  return new DomainException(
    HttpStatus.CONFLICT,
    PREDIKSI_ERRORS.TRAINING_DATA_INSUFFICIENT,
    { labelled, total, min: MIN_TRAINING_ROWS, how },
    { labeled_data: labelled, total_data: total, min_required: MIN_TRAINING_ROWS },
  );
}
