/**
 * The learner's dataset model: column-oriented typed arrays, so training can presort
 * and partition indices without touching per-row objects.
 *  - numeric columns hold the value, nominal columns the value index; NaN = missing
 *  - the class column holds the class index, -1 = missing
 */
import { C45InputError } from './errors';

export interface NumericAttribute {
  readonly kind: 'numeric';
  readonly name: string;
}
export interface NominalAttribute {
  readonly kind: 'nominal';
  readonly name: string;
  /** Declared values; their order decides branch order and class ties (as in Weka). */
  readonly values: readonly string[];
}
export type Attribute = NumericAttribute | NominalAttribute;

export interface C45Dataset {
  readonly relation: string;
  /** Predictor attributes in header order (the class attribute is not among them). */
  readonly attributes: readonly Attribute[];
  readonly classAttribute: NominalAttribute;
  /** One column per predictor, aligned with `attributes`. */
  readonly columns: readonly Float64Array[];
  /** Class index per row, -1 when the class is missing. */
  readonly classes: Int32Array;
  readonly weights: Float64Array;
  readonly numInstances: number;
}

/** A parsed table with every attribute (class included) — what the ARFF/CSV readers produce. */
export interface RawTable {
  readonly relation: string;
  readonly attributes: readonly Attribute[];
  readonly columns: readonly Float64Array[];
  readonly weights?: Float64Array;
}

/** Plain-array input for callers such as the prediction module. */
export type FeatureColumnSpec =
  | { readonly name: string; readonly type: 'numeric'; readonly values: ReadonlyArray<number | null | undefined> }
  | {
      readonly name: string;
      readonly type: 'nominal';
      readonly values: ReadonlyArray<string | null | undefined>;
      /** Declared value order; defaults to order of first appearance. */
      readonly domain?: readonly string[];
    };

export interface DatasetSpec {
  readonly relation?: string;
  readonly features: readonly FeatureColumnSpec[];
  readonly target: {
    readonly name: string;
    readonly values: ReadonlyArray<string | null | undefined>;
    readonly domain?: readonly string[];
  };
  readonly weights?: ReadonlyArray<number>;
}

function isMissingString(v: string | null | undefined): v is null | undefined {
  return v === null || v === undefined || v === '' || v === '?';
}

/**
 * Index of a value in a declared domain (NaN = missing); a value outside the domain is an input error.
 * Shared by createDataset and readers that fill columns row by row (the training-set reader).
 */
export function domainIndexer(name: string, domain: readonly string[]): (v: string | null | undefined, row: number) => number {
  const index = new Map<string, number>(domain.map((v, i) => [v, i]));
  if (index.size !== domain.length) throw new C45InputError('INVALID_INPUT', `attribute '${name}': domain has duplicate values`);
  return (v, row) => {
    if (isMissingString(v)) return NaN;
    const idx = index.get(v);
    if (idx === undefined) throw new C45InputError('INVALID_INPUT', `attribute '${name}': value '${v}' (row ${row + 1}) is not in its domain {${domain.join(',')}}`);
    return idx;
  };
}

/** A numeric cell: null / undefined / NaN = missing (NaN); ±Infinity is an input error. */
export function numericCell(name: string, v: number | null | undefined, row: number): number {
  if (v === null || v === undefined || Number.isNaN(v)) return NaN;
  if (!Number.isFinite(v)) throw new C45InputError('INVALID_INPUT', `attribute '${name}': non-finite value at row ${row + 1}`);
  return v;
}

function encodeNominal(
  name: string,
  values: ReadonlyArray<string | null | undefined>,
  domain: readonly string[] | undefined,
): { attr: NominalAttribute; column: Float64Array } {
  const column = new Float64Array(values.length);
  if (domain) {
    const indexOf = domainIndexer(name, domain);
    for (let i = 0; i < values.length; i++) column[i] = indexOf(values[i], i);
    return { attr: { kind: 'nominal', name, values: [...domain] }, column };
  }
  const order: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissingString(v)) {
      column[i] = NaN;
      continue;
    }
    let idx = index.get(v);
    if (idx === undefined) {
      idx = order.length;
      order.push(v);
      index.set(v, idx);
    }
    column[i] = idx;
  }
  return { attr: { kind: 'nominal', name, values: order }, column };
}

/** Builds a dataset from plain arrays (numeric and nominal feature columns, string class). */
export function createDataset(spec: DatasetSpec): C45Dataset {
  const n = spec.target.values.length;
  const attributes: Attribute[] = [];
  const columns: Float64Array[] = [];
  const names = new Set<string>([spec.target.name]);
  for (const f of spec.features) {
    if (names.has(f.name)) throw new C45InputError('INVALID_INPUT', `duplicate attribute name '${f.name}'`);
    names.add(f.name);
    if (f.values.length !== n) {
      throw new C45InputError('INVALID_INPUT', `attribute '${f.name}' has ${f.values.length} values but the class column has ${n}`);
    }
    if (f.type === 'numeric') {
      const col = new Float64Array(n);
      for (let i = 0; i < n; i++) col[i] = numericCell(f.name, f.values[i], i);
      attributes.push({ kind: 'numeric', name: f.name });
      columns.push(col);
    } else {
      const { attr, column } = encodeNominal(f.name, f.values, f.domain);
      attributes.push(attr);
      columns.push(column);
    }
  }
  const { attr: classAttribute, column: classCol } = encodeNominal(spec.target.name, spec.target.values, spec.target.domain);
  const classes = new Int32Array(n);
  for (let i = 0; i < n; i++) classes[i] = Number.isNaN(classCol[i]) ? -1 : classCol[i];
  const weights = new Float64Array(n);
  if (spec.weights) {
    if (spec.weights.length !== n) throw new C45InputError('INVALID_INPUT', `weights has ${spec.weights.length} entries, expected ${n}`);
    for (let i = 0; i < n; i++) {
      const w = spec.weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) throw new C45InputError('INVALID_INPUT', `weight at row ${i + 1} must be a finite number >= 0`);
      weights[i] = w;
    }
  } else weights.fill(1);
  return { relation: spec.relation ?? 'dataset', attributes, classAttribute, columns, classes, weights, numInstances: n };
}

/**
 * Picks the class attribute of a parsed table. Without a name the last attribute is the
 * class (Weka's command-line default).
 */
export function datasetFromTable(table: RawTable, targetName?: string): C45Dataset {
  if (table.attributes.length === 0) throw new C45InputError('EMPTY_DATASET', 'the dataset declares no attributes');
  let ci = table.attributes.length - 1;
  if (targetName !== undefined) {
    ci = table.attributes.findIndex((a) => a.name === targetName);
    if (ci < 0) {
      throw new C45InputError(
        'UNKNOWN_TARGET',
        `unknown target attribute '${targetName}'; available: ${table.attributes.map((a) => a.name).join(', ')}`,
      );
    }
  }
  const classAttr = table.attributes[ci];
  if (classAttr.kind !== 'nominal') {
    throw new C45InputError('NUMERIC_CLASS', `target attribute '${classAttr.name}' is numeric; C4.5 needs a nominal class`);
  }
  const n = table.columns[ci].length;
  const classes = new Int32Array(n);
  const cc = table.columns[ci];
  for (let i = 0; i < n; i++) classes[i] = Number.isNaN(cc[i]) ? -1 : cc[i];
  const weights = table.weights ?? new Float64Array(n).fill(1);
  return {
    relation: table.relation,
    attributes: table.attributes.filter((_, i) => i !== ci),
    classAttribute: classAttr,
    columns: table.columns.filter((_, i) => i !== ci),
    classes,
    weights,
    numInstances: n,
  };
}

/** Rejects datasets C4.5 cannot learn from; used by the public API before training. */
export function validateForTraining(ds: C45Dataset): void {
  if (ds.numInstances === 0) throw new C45InputError('EMPTY_DATASET', 'the dataset has no instances');
  if (ds.attributes.length === 0) throw new C45InputError('EMPTY_DATASET', 'the dataset has no predictor attributes besides the class');
  const seen = new Set<number>();
  for (let i = 0; i < ds.numInstances; i++) if (ds.classes[i] >= 0 && ds.weights[i] > 0) seen.add(ds.classes[i]);
  if (seen.size === 0) throw new C45InputError('EMPTY_DATASET', `no instance has a known value of the class '${ds.classAttribute.name}'`);
  if (seen.size === 1) {
    const only = ds.classAttribute.values[[...seen][0]];
    throw new C45InputError('SINGLE_CLASS', `the class '${ds.classAttribute.name}' has a single value ('${only}') in the data; at least two are needed`);
  }
}

/** Row subset (shares the header); used by cross-validation. */
export function subsetRows(ds: C45Dataset, rows: ArrayLike<number>): C45Dataset {
  const n = rows.length;
  const columns = ds.columns.map((col) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = col[rows[i]];
    return out;
  });
  const classes = new Int32Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    classes[i] = ds.classes[rows[i]];
    weights[i] = ds.weights[rows[i]];
  }
  return { ...ds, columns, classes, weights, numInstances: n };
}

/** One row as the learner's instance vector (predictor values in attribute order). */
export function rowInstance(ds: C45Dataset, row: number): Float64Array {
  const x = new Float64Array(ds.attributes.length);
  for (let a = 0; a < x.length; a++) x[a] = ds.columns[a][row];
  return x;
}
