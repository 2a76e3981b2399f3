import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReadDatabase } from '../../database/read-database';
import { FEATURE_CATALOGUE, MIN_TRAINING_ROWS } from '../domain/feature-catalogue';
import { STUDENT_SEMESTER_FROM } from './training-set.sql';
import { TrainingDataChanges } from './training-data-changes';
import type { TeacherScope } from '../../scope/teacher-scope';

export interface NumericStatistics {
  label: string;
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  std_dev: number | null;
  q1: number | null;
  q3: number | null;
}

export interface CategoricalDistribution {
  label: string;
  data: Record<string, number>;
  total: number;
}

export interface FeatureStatistics {
  numerical_statistics: Record<string, NumericStatistics>;
  correlation_matrix: { matrix: Array<Array<number | null>>; features: string[]; description: string };
  categorical_distributions: Record<'kategori_penghasilan' | 'kategori_kehadiran' | 'prediksi_prestasi', CategoricalDistribution>;
  summary: { total_records: number; labeled_records: number; features_analyzed: number; categories_analyzed: number };
}

export interface DataCount {
  total_data: number;
  labeled_data: number;
  unlabeled_data: number;
  min_required: number;
  is_sufficient: boolean;
}

const NUMERIC = ['rata_rata', 'persentase_kehadiran', 'total_penghasilan'] as const;
const STATS = ['count', 'min', 'max', 'mean', 'median', 'std_dev', 'q1', 'q3'] as const;

const r4 = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 1e4) / 1e4);

function numericSelect(guard: (sql: string) => string): string {
  const parts: string[] = [];
  const sqlOf = (f: (typeof NUMERIC)[number]): string => guard(FEATURE_CATALOGUE[f].sql);
  for (const f of NUMERIC) {
    const x = sqlOf(f);
    parts.push(
      `count(${x})::int AS "${f}__count"`,
      `min(${x})::float8 AS "${f}__min"`,
      `max(${x})::float8 AS "${f}__max"`,
      `avg(${x})::float8 AS "${f}__mean"`,
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${x}) AS "${f}__median"`,
      `stddev_samp(${x})::float8 AS "${f}__std_dev"`,
      `percentile_cont(0.25) WITHIN GROUP (ORDER BY ${x}) AS "${f}__q1"`,
      `percentile_cont(0.75) WITHIN GROUP (ORDER BY ${x}) AS "${f}__q3"`,
    );
  }
  for (let i = 0; i < NUMERIC.length; i++) {
    for (let j = i + 1; j < NUMERIC.length; j++) {
      parts.push(`corr(${sqlOf(NUMERIC[i])}, ${sqlOf(NUMERIC[j])}) AS "corr__${i}_${j}"`);
    }
  }
  parts.push('count(*)::int AS total', 'count(pr.kategori)::int AS labelled');
  return parts.join(',\n  ');
}

/** The categorical features and their values, as stored (CHECK constraints allow no others). */
const CATEGORIES = {
  kategori_penghasilan: { label: 'Kategori penghasilan', sql: 'o.kategori_penghasilan', domain: ['Tinggi', 'Menengah', 'Rendah'] },
  kategori_kehadiran: { label: 'Kategori kehadiran', sql: 'p.kategori_kehadiran', domain: ['Tinggi', 'Sedang', 'Rendah'] },
  // Unlabelled rows (no prestasi) are not part of the label distribution.
  prediksi_prestasi: { label: 'Prestasi (label)', sql: 'pr.kategori', domain: ['Tinggi', 'Sedang', 'Rendah'] },
} as const;

function categoricalSelect(guard: (sql: string) => string): string[] {
  return Object.entries(CATEGORIES).flatMap(([key, c]) =>
    c.domain.map((v) => `count(*) FILTER (WHERE ${guard(c.sql)} = '${v}')::int AS "${key}__${v}"`),
  );
}

/**
 * Every statistic in ONE pass over the student-semester rows within the teacher scope's reach (every
 * row for admin, staf and GURU_SCOPE=school): the numeric aggregates and the category counts (FILTER)
 * together, so at district size (1.8 M rows of a four-table join) the join runs once. Family income
 * (alias `o`) is personal data only the wali kelas reads: for a restricted guru another class's income
 * is NULL, so no aggregate (they skip NULLs) summarises it — a min or max over two families would
 * otherwise be one family's income.
 */
function statisticsSql(scope: TeacherScope): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = `WHERE ${scope.sqlCondition('n.siswa_id', params)}`;
  const incomeReadable = scope.restricted ? scope.sqlCondition('n.siswa_id', params, 'wali') : null;
  const guard = (sql: string): string => (incomeReadable && sql.startsWith('o.') ? `(CASE WHEN ${incomeReadable} THEN ${sql} END)` : sql);
  return { sql: `SELECT ${[numericSelect(guard), ...categoricalSelect(guard)].join(',\n  ')} ${STUDENT_SEMESTER_FROM} ${where}`, params };
}

/** Memory for the join's hash tables and the percentile sorts, so 1.8 M rows are not spilled to disk in batches. */
const STATISTICS_WORK_MEM = '128MB';

/**
 * Descriptive statistics of the training data (of the students in the teacher scope's reach), computed
 * by PostgreSQL in one query on the read database. The whole data's answers (every unrestricted scope
 * asks the same) are kept until the next write to it (TrainingDataChanges); a restricted guru's few
 * classes are computed each time.
 */
@Injectable()
export class FeatureStatisticsService {
  constructor(
    private readonly read: ReadDatabase,
    private readonly changes: TrainingDataChanges,
  ) {}

  private get dataSource(): DataSource {
    return this.read.dataSource;
  }

  statistics(scope: TeacherScope): Promise<FeatureStatistics> {
    return scope.restricted ? this.computeStatistics(scope) : this.changes.memoized('feature-statistics', () => this.computeStatistics(scope));
  }

  private async computeStatistics(scope: TeacherScope): Promise<FeatureStatistics> {
    const { sql, params } = statisticsSql(scope);
    const agg = await this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL work_mem = '${STATISTICS_WORK_MEM}'`);
      // One aggregate row: JIT compiling its ~40 expressions costs 0.3-0.6 s and saves less.
      await m.query('SET LOCAL jit = off');
      // Every student-semester (the unrestricted scope): the tables' unique (siswa_id, semester,
      // tahun_ajaran) indexes hand the rows over in join order, so merge joins need neither a sort nor
      // the 1.8 M-entry hash tables the planner would build for presensi and prestasi (a third less
      // time at district size, same rows). A guru's few classes keep the planner's own choice.
      if (!scope.restricted) await m.query('SET LOCAL enable_hashjoin = off');
      const [row] = (await m.query(sql, params)) as Array<Record<string, unknown>>;
      return row!;
    });
    const numerical_statistics: Record<string, NumericStatistics> = {};
    for (const f of NUMERIC) {
      const s = { label: FEATURE_CATALOGUE[f].label } as NumericStatistics;
      for (const stat of STATS) (s as unknown as Record<string, number | null>)[stat] = stat === 'count' ? Number(agg[`${f}__count`]) : r4(agg[`${f}__${stat}`]);
      numerical_statistics[f] = s;
    }
    const matrix = NUMERIC.map((_, i) =>
      NUMERIC.map((__, j) => (i === j ? 1 : r4(agg[`corr__${Math.min(i, j)}_${Math.max(i, j)}`]))),
    );

    const categorical = Object.fromEntries(
      Object.entries(CATEGORIES).map(([key, c]) => {
        const data = Object.fromEntries(c.domain.map((v) => [v, Number(agg[`${key}__${v}`])]));
        return [key, { label: c.label, data, total: Object.values(data).reduce((a, b) => a + b, 0) }];
      }),
    ) as FeatureStatistics['categorical_distributions'];
    return {
      numerical_statistics,
      correlation_matrix: {
        matrix,
        features: [...NUMERIC],
        description: 'Koefisien korelasi Pearson antar fitur numerik (-1 sampai 1), dihitung dari data siswa per semester',
      },
      categorical_distributions: categorical,
      summary: {
        total_records: Number(agg.total),
        labeled_records: Number(agg.labelled),
        features_analyzed: NUMERIC.length,
        categories_analyzed: Object.keys(categorical).length,
      },
    };
  }

  /** The whole school's training data (what training would use), for every role: counts only, no student's data. */
  dataCount(): Promise<DataCount> {
    return this.changes.memoized('data-count', () => this.computeDataCount());
  }

  private async computeDataCount(): Promise<DataCount> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS total, count(pr.kategori)::int AS labelled ${STUDENT_SEMESTER_FROM}`)) as Array<{
      total: number;
      labelled: number;
    }>;
    return {
      total_data: row.total,
      labeled_data: row.labelled,
      unlabeled_data: row.total - row.labelled,
      min_required: MIN_TRAINING_ROWS,
      is_sufficient: row.labelled >= MIN_TRAINING_ROWS,
    };
  }
}
