/**
 * Command line for the C4.5 learner:
 *   npm run c45 -- --data FILE(.arff|.csv) [--target NAME] [-C 0.25] [-M 2] [-U] [-S] [-B] [-A]
 *                  [--folds 10] [--seed 1] [--json]
 * Prints the J48-layout tree, leaves, size, training accuracy and CV accuracy (or all as JSON).
 * Bad input: a message on stderr naming the problem, exit code 2.
 */
import { performance } from 'node:perf_hooks';
import type { C45Dataset, C45Options, RawTable } from '../index';
import { C45InputError, crossValidate, datasetFromTable, evaluate, featureImportance, toJ48Text, toRules, trainC45, treeStats, treeToJson } from '../index';
import type { EvaluationResult } from '../index';
import { readArffFile } from './arff-reader';
import { readCsvFile } from './csv-reader';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface CliArgs {
  data?: string;
  target?: string;
  options: C45Options;
  folds: number;
  seed: number;
  json: boolean;
  help: boolean;
}

const USAGE = `usage: npm run c45 -- --data FILE(.arff|.csv) [--target NAME] [-C 0.25] [-M 2] [-U] [-S] [-B] [-A]
                      [--folds 10] [--seed 1] [--json]
  --data FILE    ARFF or CSV training data (CSV: header row, '?' or empty = missing)
  --target NAME  class attribute (default: the last one)
  -C CF          pruning confidence, 0 < CF <= 0.5 (default 0.25)
  -M N           minimum instances per leaf (default 2)
  -U             unpruned tree      -S  no subtree raising
  -B             binary nominal splits   -A  Laplace leaf probabilities
  --folds K      cross-validation folds (default 10; 0 = no cross-validation)
  --seed S       cross-validation seed (default 1)
  --json         print everything as JSON`;

function numberArg(flag: string, v: string | undefined): number {
  const n = v === undefined ? NaN : Number(v);
  if (v === undefined || v.trim() === '' || !Number.isFinite(n)) throw new C45InputError('INVALID_OPTION', `${flag} needs a number, got '${v ?? ''}'`);
  return n;
}

/** The learner options that are switches without a value (Weka's J48 letters). */
const SWITCHES: Record<string, C45Options> = { '-U': { unpruned: true }, '-S': { subtreeRaising: false }, '-B': { binarySplits: true }, '-A': { laplace: true } };

export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = { options: {}, folds: 10, seed: 1, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const next = (): string | undefined => argv[++i];
    if (Object.hasOwn(SWITCHES, f)) {
      Object.assign(a.options, SWITCHES[f]);
      continue;
    }
    switch (f) {
      case '--data':
        a.data = next();
        if (!a.data) throw new C45InputError('INVALID_OPTION', '--data needs a file name');
        break;
      case '--target':
        a.target = next();
        if (!a.target) throw new C45InputError('INVALID_OPTION', '--target needs an attribute name');
        break;
      case '-C':
        a.options.confidenceFactor = numberArg('-C', next());
        break;
      case '-M':
        a.options.minNumObj = numberArg('-M', next());
        break;
      case '--folds':
        a.folds = numberArg('--folds', next());
        if (!Number.isInteger(a.folds) || a.folds < 0 || a.folds === 1) throw new C45InputError('INVALID_OPTION', `--folds must be 0 or an integer >= 2, got ${a.folds}`);
        break;
      case '--seed':
        a.seed = numberArg('--seed', next());
        if (!Number.isInteger(a.seed)) throw new C45InputError('INVALID_OPTION', `--seed must be an integer, got ${a.seed}`);
        break;
      case '--json':
        a.json = true;
        break;
      case '-h':
      case '--help':
        a.help = true;
        break;
      default:
        throw new C45InputError('INVALID_OPTION', `unknown option '${f}'`);
    }
  }
  return a;
}

export function loadDataset(file: string, target?: string): C45Dataset {
  let table: RawTable;
  if (/\.arff$/i.test(file)) table = readArffFile(file);
  else if (/\.csv$/i.test(file)) table = readCsvFile(file);
  else throw new C45InputError('INVALID_OPTION', `--data '${file}': expected a .arff or .csv file`);
  return datasetFromTable(table, target);
}

function pct(e: EvaluationResult): string {
  return `${(e.accuracy * 100).toFixed(4)} % (${e.correct}/${e.total})`;
}

/** The fields of an evaluation the output shows, in this order (not the per-row CV detail, which can be huge). */
const METRIC_FIELDS = ['correct', 'incorrect', 'unclassified', 'total', 'accuracy', 'classNames', 'confusion', 'perClass', 'weighted'] as const satisfies ReadonlyArray<keyof EvaluationResult>;

function metrics(e: EvaluationResult): EvaluationResult {
  return Object.fromEntries(METRIC_FIELDS.map((field) => [field, e[field]])) as unknown as EvaluationResult;
}

/** Runs the CLI; returns the exit code (0 ok, 2 bad input). */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (!args.data) throw new C45InputError('INVALID_OPTION', `--data FILE is required\n${USAGE}`);
    const ds = loadDataset(args.data, args.target);
    const t0 = performance.now();
    const tree = trainC45(ds, args.options);
    const trainMs = performance.now() - t0;
    const training = evaluate(tree, ds);
    const cv = args.folds > 0 ? crossValidate(ds, args.options, args.folds, args.seed) : null;
    const stats = treeStats(tree);
    if (args.json) {
      const cvOut = cv ? { folds: cv.folds, seed: cv.seed, ...metrics(cv) } : null;
      io.out(
        `${JSON.stringify(
          {
            data: args.data,
            target: ds.classAttribute.name,
            options: tree.options,
            numLeaves: stats.numLeaves,
            size: stats.size,
            trainMillis: trainMs,
            text: toJ48Text(tree),
            training: metrics(training),
            crossValidation: cvOut,
            rules: toRules(tree),
            importance: featureImportance(tree),
            model: treeToJson(tree),
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    const lines = [toJ48Text(tree), '', `Training accuracy: ${pct(training)}`];
    if (cv) lines.push(`${cv.folds}-fold CV accuracy (seed ${cv.seed}): ${pct(cv)}`);
    lines.push(`Training time: ${trainMs.toFixed(1)} ms`);
    io.out(`${lines.join('\n')}\n`);
    return 0;
  } catch (e) {
    if (e instanceof C45InputError) {
      io.err(`c45: error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
}
