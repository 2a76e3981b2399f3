/**
 * `npm run bench:c45`: C4.5 training time on students_100k (defaults -C 0.25 -M 2), ours vs
 * Weka J48 (Debian `weka`, `-no-cv`), measured in one run, interleaved, several repetitions.
 *
 *  - ours, in process: CSV parse, first (cold) training, median of warm trainings, peak RSS
 *  - ours, whole process: `node --import tsx c45-cli.ts --data students_100k.csv --folds 0`
 *    (reads the CSV, trains, prints the tree) under /usr/bin/time -v for peak RSS
 *  - J48, whole process: `java -cp weka.jar weka.classifiers.trees.J48 -t students_100k.arff
 *    -no-cv -C 0.25 -M 2`, plus J48's own "Time taken to build model" (in-JVM build)
 *
 * Data: $C45_REFERENCE_DIR/datasets, else <repo>/../shared/c45/datasets, else the gzipped
 * ARFF fixture (test/fixtures/c45/datasets/students_100k.arff.gz, written out to a temp dir).
 * Settings (env): C45_BENCH_REPS (5), WEKA_JAR (/usr/share/java/weka.jar).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { parseArff } from '../src/prediksi/c45/cli/arff-reader';
import { parseCsv } from '../src/prediksi/c45/cli/csv-reader';
import { datasetFromTable, toJ48Text, trainC45 } from '../src/prediksi/c45/index';

const ROOT = path.resolve(__dirname, '..');
const REPS = Number(process.env.C45_BENCH_REPS ?? 5);
const WEKA_JAR = process.env.WEKA_JAR ?? '/usr/share/java/weka.jar';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function locateData(): { arff: string; csv: string | null; source: string } {
  const dirs = [
    process.env.C45_REFERENCE_DIR && path.join(process.env.C45_REFERENCE_DIR, 'datasets'),
    path.resolve(ROOT, '../shared/c45/datasets'),
  ];
  for (const d of dirs) {
    if (d && existsSync(path.join(d, 'students_100k.arff'))) {
      const csv = path.join(d, 'students_100k.csv');
      return { arff: path.join(d, 'students_100k.arff'), csv: existsSync(csv) ? csv : null, source: d };
    }
  }
  const gz = path.join(ROOT, 'test/fixtures/c45/datasets/students_100k.arff.gz');
  if (!existsSync(gz)) {
    console.log('note: students_100k not found (C45_REFERENCE_DIR, ../shared/c45, fixtures); skipping the C4.5 benchmark');
    process.exit(0);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'c45-bench-'));
  const arff = path.join(dir, 'students_100k.arff');
  writeFileSync(arff, gunzipSync(readFileSync(gz)));
  return { arff, csv: null, source: 'test/fixtures (gzipped ARFF)' };
}

/** Runs a command under /usr/bin/time -v: wall ms, peak RSS MB, stdout. */
function timed(cmd: string, args: string[]): { ms: number; rssMb: number; out: string } {
  const haveTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  return { ms, rssMb: m ? Number(m[1]) / 1024 : NaN, out: r.stdout };
}

function main(): void {
  const data = locateData();
  const javaOk = existsSync(WEKA_JAR) && spawnSync('java', ['-version']).status === 0;
  if (!javaOk) console.log(`note: ${WEKA_JAR} or java missing (apt-get install -y weka); J48 columns will be empty`);
  const ourData = data.csv ?? data.arff;
  const cliArgs = ['--import', 'tsx', path.join(ROOT, 'src/prediksi/c45/cli/c45-cli.ts'), '--data', ourData, '--folds', '0'];

  // In-process: parse once, then a cold training followed by warm ones.
  const text = readFileSync(ourData, 'utf8');
  const tp = performance.now();
  const table = data.csv
    ? parseCsv(text, ourData, {
        nominalOrder: {
          prediksi_prestasi: ['Rendah', 'Sedang', 'Tinggi'],
          kategori_kehadiran: ['Rendah', 'Sedang', 'Tinggi'],
          kategori_penghasilan: ['Rendah', 'Menengah', 'Tinggi'],
        },
      })
    : parseArff(text, ourData);
  const parseMs = performance.now() - tp;
  const ds = datasetFromTable(table);
  let peakRss = process.memoryUsage().rss;
  const inProc: number[] = [];
  let ourTree = '';
  for (let i = 0; i < REPS + 1; i++) {
    const t0 = performance.now();
    const tree = trainC45(ds);
    inProc.push(performance.now() - t0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    ourTree = toJ48Text(tree);
  }
  const cold = inProc[0];
  const warm = inProc.slice(1);

  // Whole processes, interleaved so both see the same machine load.
  const ourProc: { ms: number; rssMb: number }[] = [];
  const j48Proc: { ms: number; rssMb: number; buildS: number }[] = [];
  let j48Tree = '';
  for (let i = 0; i < REPS; i++) {
    ourProc.push(timed(process.execPath, cliArgs));
    if (javaOk) {
      const r = timed('java', ['-cp', WEKA_JAR, 'weka.classifiers.trees.J48', '-t', data.arff, '-no-cv', '-C', '0.25', '-M', '2']);
      const b = /Time taken to build model: ([\d.]+) seconds/.exec(r.out);
      j48Proc.push({ ms: r.ms, rssMb: r.rssMb, buildS: b ? Number(b[1]) : NaN });
      const s = r.out.indexOf('J48 pruned tree');
      j48Tree = r.out.slice(s, r.out.indexOf('\n', r.out.indexOf('Size of the tree')) + 1);
    }
  }

  const ourWhole = median(ourProc.map((p) => p.ms));
  const ourRss = Math.max(...ourProc.map((p) => p.rssMb));
  const jWhole = javaOk ? median(j48Proc.map((p) => p.ms)) : NaN;
  const jBuild = javaOk ? median(j48Proc.map((p) => p.buildS * 1000)) : NaN;
  const jRss = javaOk ? Math.max(...j48Proc.map((p) => p.rssMb)) : NaN;
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '—');
  const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—');

  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; data: ${data.source}; ${REPS} repetitions, medians.`,
    `Same tree as J48: ${javaOk ? (ourTree === j48Tree ? 'yes (identical text)' : 'NO') : 'not checked'}.`,
    '',
    '| measure | ours | J48 | J48 / ours |',
    '|---|---:|---:|---:|',
    `| training only, in process (ours: median warm; J48: its "Time taken to build model") | ${f(median(warm))} ms | ${f(jBuild)} ms | ${ratio(jBuild, median(warm))} |`,
    `| training only, first (cold) run in a fresh process | ${f(cold)} ms | ${f(jBuild)} ms | ${ratio(jBuild, cold)} |`,
    `| whole process, \`-no-cv\` / \`--folds 0\` (start, read data, train, print) | ${f(ourWhole)} ms | ${f(jWhole)} ms | ${ratio(jWhole, ourWhole)} |`,
    `| peak RSS, whole process | ${f(ourRss)} MB | ${f(jRss)} MB | ${ratio(jRss, ourRss)} |`,
    '',
    `Ours in process: ${data.csv ? 'CSV' : 'ARFF'} parse ${f(parseMs)} ms; peak RSS of the bench process ${f(peakRss / 2 ** 20)} MB.`,
    `Raw: ours warm ${warm.map((x) => x.toFixed(0)).join(', ')} ms; ours whole process ${ourProc.map((p) => p.ms.toFixed(0)).join(', ')} ms; ` +
      `J48 whole process ${j48Proc.map((p) => p.ms.toFixed(0)).join(', ') || '—'} ms; J48 build ${j48Proc.map((p) => (p.buildS * 1000).toFixed(0)).join(', ') || '—'} ms.`,
  ];
  console.log(lines.join('\n'));
  if (javaOk && ourTree !== j48Tree) process.exitCode = 1;
}

main();
