import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { EntityManager } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { ReadDatabase } from '../../database/read-database';
import type { TrainingSetQuery } from '../training/training-set.reader';
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

@Injectable()
export class TrainingSetService {
  constructor(
    private readonly read: ReadDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The training set as ONE query, for the training worker to read (from the read database when
   * DATABASE_READ_URL is set). Feature names come from the catalogue (validated by the request DTO), so
   * the SQL interpolates only the catalogue's own expressions. Refused (422) when larger than fits.
   */
  async query(features: readonly FeatureName[], labelSource: LabelSource): Promise<TrainingSetQuery> {
    await this.assertFitsInMemory(this.read.manager);
    const select = features.map((f) => `${FEATURE_CATALOGUE[f].sql} AS "${f}"`).join(', ');
    const groupSelect = FAIRNESS_ATTRIBUTES.map((g) => `${GROUP_SQL[g]} AS "__group_${g}"`).join(', ');
    // The worker opens its own connection to the database ReadDatabase chose (the replica when set).
    const { url } = this.read.dataSource.options as PostgresDataSourceOptions;
    if (!url) throw new Error('The read database has no connection URL');
    return {
      connectionString: url,
      statementTimeoutMs: this.config.database.statementTimeoutMs,
      sql: `SELECT ${select}, ${labelSql(labelSource)} AS "__label", ${groupSelect},
         ${ROW_KEY_SQL} AS "__key", ${rowDigestSql(features, labelSource)} AS "__digest" ${STUDENT_SEMESTER_FROM}
       ORDER BY n.siswa_id, n.tahun_ajaran, n.semester`,
      relation: 'prestasi_siswa',
      features: features.map((f) => {
        const def = FEATURE_CATALOGUE[f];
        return def.type === 'numeric' ? { name: f, type: 'numeric' } : { name: f, type: 'nominal', domain: def.domain };
      }),
      target: { name: 'prestasi', domain: KATEGORI_PRESTASI },
      groupNames: FAIRNESS_ATTRIBUTES,
      hashPrefix: JSON.stringify({ features, labelSource }),
    };
  }

  /**
   * Above TRAINING_MAX_ROWS the set would not fit in the training worker's heap budget, so training is
   * refused with a clear answer before anything is read. Every joined row is a nilai_raport row, so
   * when that table alone is within the limit the exact (bounded) count of the join is not needed.
   */
  private async assertFitsInMemory(manager: EntityManager): Promise<void> {
    const max = this.config.trainingMaxRows;
    const [{ upper }] = (await manager.query(
      `SELECT count(*)::int AS upper FROM (SELECT 1 FROM nilai_raport LIMIT ${max + 1}) AS bounded`,
    )) as Array<{ upper: number }>;
    if (upper <= max) return;
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 ${STUDENT_SEMESTER_FROM} LIMIT ${max + 1}) AS bounded`,
    )) as Array<{ n: number }>;
    if (n > max) {
      const [{ total }] = (await manager.query(`SELECT count(*)::int AS total ${STUDENT_SEMESTER_FROM}`)) as Array<{ total: number }>;
      throw tooManyRows(total, max);
    }
  }
}

/** 422 before loading: the rows would not fit in the training worker's heap budget. */
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
