/**
 * TEST-ONLY helpers: locate and parse the J48 reference material copied into
 * test/fixtures/c45 (datasets + verbatim J48 outputs). Not imported by the learner.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArff } from '../cli/arff-reader';
import type { C45Dataset } from '../dataset';
import { datasetFromTable } from '../dataset';
import type { C45Options } from '../model';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/c45');

export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** The original reference folder, when present (C45_REFERENCE_DIR, else <repo>/../shared/c45). */
export function originalReferenceDir(): string | null {
  const candidates = [process.env.C45_REFERENCE_DIR, path.resolve(__dirname, '../../../../../shared/c45')];
  for (const c of candidates) if (c && existsSync(path.join(c, 'ALGORITHM.md'))) return c;
  return null;
}

const cache = new Map<string, C45Dataset>();
/** Loads datasets/<name>.arff (or .arff.gz) from the fixtures. */
export function loadArffDataset(name: string): C45Dataset {
  let ds = cache.get(name);
  if (!ds) {
    const plain = fixturePath('datasets', `${name}.arff`);
    const text = existsSync(plain) ? readFileSync(plain, 'utf8') : gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8');
    ds = datasetFromTable(parseArff(text, `${name}.arff`));
    cache.set(name, ds);
  }
  return ds;
}

export const VARIANT_OPTIONS: Readonly<Record<string, C45Options>> = {
  default: {},
  U: { unpruned: true },
  M5: { minNumObj: 5 },
  'C0.1': { confidenceFactor: 0.1 },
  S: { subtreeRaising: false },
  B: { binarySplits: true },
  A: { laplace: true },
};

/** Parses a Weka option string such as "-C 0.25 -B -M 2" or "-U -M 2 -A". */
export function parseWekaOptions(s: string): C45Options {
  const t = s.trim().split(/\s+/);
  const o: C45Options = {};
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '-C') o.confidenceFactor = Number(t[++i]);
    else if (t[i] === '-M') o.minNumObj = Number(t[++i]);
    else if (t[i] === '-U') o.unpruned = true;
    else if (t[i] === '-S') o.subtreeRaising = false;
    else if (t[i] === '-B') o.binarySplits = true;
    else if (t[i] === '-A') o.laplace = true;
  }
  return o;
}

export interface TreeReference {
  file: string;
  dataset: string;
  variant: string;
  options: C45Options;
  text: string;
}

/** Every outputs/<dataset>__<variant>.txt holding a printed tree. */
export function treeReferences(): TreeReference[] {
  const out: TreeReference[] = [];
  for (const f of readdirSync(fixturePath('outputs')).sort()) {
    const m = /^(.+)__(default|U|M5|C0\.1|S|B|train_only_U)\.txt$/.exec(f);
    if (!m) continue;
    const variant = m[2] === 'train_only_U' ? 'U' : m[2];
    out.push({ file: f, dataset: m[1], variant, options: VARIANT_OPTIONS[variant], text: readFixture('outputs', f) });
  }
  return out;
}

/** The block from "J48 pruned/unpruned tree" through the "Size of the tree" line. */
export function treeBlock(text: string): string {
  const start = text.indexOf('J48 ');
  const sizeAt = text.indexOf('Size of the tree');
  return text.slice(start, text.indexOf('\n', sizeAt) + 1);
}

export interface SectionStats {
  correct: number;
  percent: number;
  confusion: number[][];
  /** Per class: [precision, recall, F-measure] as printed (3 decimals). */
  perClass: number[][];
  weighted: number[];
}

/** Parses a "=== Error on training data ===" / "=== Stratified cross-validation ===" section. */
export function sectionStats(text: string, header: string): SectionStats | null {
  const at = text.indexOf(header);
  if (at < 0) return null;
  const next = text.indexOf('\n=== ', text.indexOf('=== Confusion Matrix ===', at) + 25);
  const sec = text.slice(at, next < 0 ? undefined : next);
  const cc = /Correctly Classified Instances\s+([\d.]+)\s+([\d.]+)\s*%/.exec(sec);
  if (!cc) return null;
  const confusion: number[][] = [];
  const cmAt = sec.indexOf('=== Confusion Matrix ===');
  for (const line of sec.slice(cmAt).split('\n')) {
    const m = /^\s*([\d.\s]+)\|\s+\S+ = /.exec(line);
    if (m) confusion.push(m[1].trim().split(/\s+/).map(Number));
  }
  const perClass: number[][] = [];
  let weighted: number[] = [];
  const detAt = sec.indexOf('=== Detailed Accuracy By Class ===');
  for (const line of sec.slice(detAt, cmAt).split('\n')) {
    const nums = line.trim().split(/\s+/);
    if (line.startsWith('Weighted Avg.')) {
      const v = nums.slice(2).map(Number);
      weighted = [v[2], v[3], v[4]];
    } else if (nums.length >= 7 && /^[\d.]+$/.test(nums[0])) {
      const v = nums.slice(0, 6).map(Number);
      perClass.push([v[2], v[3], v[4]]);
    }
  }
  return { correct: Number(cc[1]), percent: Number(cc[2]), confusion, perClass, weighted };
}

export interface PredictionLine {
  inst: number;
  actual: string;
  predicted: string;
  distribution: string;
}

/** Parses "-p 0 -distribution" lines: inst#, actual, predicted, [+], "0.061,*0.939". */
export function predictionLines(text: string): PredictionLine[] {
  const out: PredictionLine[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+\d+:(\S+)\s+\d+:(\S+)\s+\+?\s*(\S+)/.exec(line);
    if (m) out.push({ inst: Number(m[1]), actual: m[2], predicted: m[3], distribution: m[4] });
  }
  return out;
}
