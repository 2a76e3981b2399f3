/**
 * `node --max-old-space-size=1536 --import tsx bench/train-job-phases.bench.ts <database>`: the
 * training's phases on a district copy, outside the app: read the set from PostgreSQL (the query the
 * training service sends), buildModel (tree, CV, reports), and storing the row digests the way the
 * service does (into a scratch table, WAL-logged as the model table is, dropped at the end). Prints
 * CPU ms of this process and wall ms per phase. Never point it at a template database.
 * `--helpers N`: buildModelOnThreads with N fold helpers from the compiled worker (run `npm run build`
 * first); without it, buildModel on this thread alone.
 */
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_FEATURES, FEATURE_CATALOGUE, KATEGORI_PRESTASI } from '../src/prediksi/domain/feature-catalogue';
import { FAIRNESS_ATTRIBUTES } from '../src/prediksi/domain/fairness';
import { buildModel, DEFAULT_BUILD_OPTIONS } from '../src/prediksi/domain/model-builder';
import { labelSql, ROW_KEY_SQL, rowDigestSql } from '../src/prediksi/services/training-rows.sql';
import { STUDENT_SEMESTER_FROM } from '../src/prediksi/services/training-set.sql';
import { GROUP_ORDERS } from '../src/prediksi/services/training-set.service';
import { buildModelOnThreads } from '../src/prediksi/training/parallel-build';
import { readTrainingSet, type TrainingSetQuery } from '../src/prediksi/training/training-set.reader';

const database = process.argv[2];
if (!database || database === 'district_base') throw new Error('usage: train-job-phases.bench.ts <a copy of the district database>');
const helpersAt = process.argv.indexOf('--helpers');
const helpers = helpersAt > 0 ? Number(process.argv[helpersAt + 1]) : null;
const HELPER_FILE = join(__dirname, '..', 'dist', 'src', 'prediksi', 'training', 'cv-fold.worker.js');
const url = `postgres://postgres@127.0.0.1:5432/${database}`;
const GROUP_SQL = { jenis_kelamin: 's.jenis_kelamin', kategori_penghasilan: 'o.kategori_penghasilan' };

const features = DEFAULT_FEATURES;
const query: TrainingSetQuery = {
  connectionString: url,
  statementTimeoutMs: 0,
  sql: `SELECT ${features.map((f) => `${FEATURE_CATALOGUE[f].sql} AS "${f}"`).join(', ')}, ${labelSql('prestasi')} AS "__label",
     ${FAIRNESS_ATTRIBUTES.map((g) => `${GROUP_SQL[g]} AS "__group_${g}"`).join(', ')},
     ${ROW_KEY_SQL} AS "__key", ${rowDigestSql(features, 'prestasi')} AS "__digest" ${STUDENT_SEMESTER_FROM}
   ORDER BY n.siswa_id, n.tahun_ajaran, n.semester`,
  relation: 'prestasi_siswa',
  features: features.map((f) => {
    const def = FEATURE_CATALOGUE[f];
    return def.type === 'numeric' ? { name: f, type: 'numeric' as const } : { name: f, type: 'nominal' as const, domain: def.domain };
  }),
  target: { name: 'prestasi', domain: KATEGORI_PRESTASI },
  groupNames: FAIRNESS_ATTRIBUTES,
  hashPrefix: JSON.stringify({ features, labelSource: 'prestasi' }),
};

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
async function phase<T>(name: string, f: () => Promise<T> | T): Promise<T> {
  const c0 = cpuMs();
  const w0 = performance.now();
  const out = await f();
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(`${name.padEnd(14)} cpu ${(cpuMs() - c0).toFixed(0).padStart(7)} ms  wall ${(performance.now() - w0).toFixed(0).padStart(7)} ms  rss ${rss} MB`);
  return out;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const { dataset, groups, ...set } = await phase('read', () => readTrainingSet(query));
  const built = await phase(helpers === null ? 'buildModel' : `on ${helpers + 1} threads`, () =>
    helpers === null
      ? buildModel(dataset, DEFAULT_BUILD_OPTIONS, groups, GROUP_ORDERS)
      : buildModelOnThreads(dataset, DEFAULT_BUILD_OPTIONS, groups, GROUP_ORDERS, { count: helpers, workerFile: HELPER_FILE }),
  );
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS bench_model_store');
    await client.query('CREATE TABLE bench_model_store (tree jsonb, training_rows jsonb)');
    await phase('store', async () => {
      await client.query('INSERT INTO bench_model_store (tree) VALUES ($1)', [JSON.stringify(built.treeJson)]);
      await client.query(`UPDATE bench_model_store SET training_rows = convert_from($1::bytea, 'UTF8')::jsonb`, [
        Buffer.from(set.rowDigests.buffer, set.rowDigests.byteOffset, set.rowDigests.byteLength),
      ]);
    });
  } finally {
    await client.query('DROP TABLE IF EXISTS bench_model_store');
    await client.end();
  }
  console.log(`${set.labelled} labelled of ${set.totalRows}; digests ${(set.rowDigests.byteLength / 2 ** 20).toFixed(1)} MB; cv accuracy ${built.cv.accuracy}; hash ${set.contentHash.slice(0, 12)}`);
  console.log(`total wall ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

void main();
