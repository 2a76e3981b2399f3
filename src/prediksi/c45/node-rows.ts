/**
 * A node's rows in base order (the order Weka's Instances has them), with each entry's class and
 * attribute values carried alongside. A deep node's rows are a sparse subset of the table, so
 * reading `column[row]` costs a cache miss per row at district size; the node's class counts,
 * nominal split searches and partition read these aligned arrays front to back instead.
 */
import { Distribution } from './distribution';

export interface NodeRows {
  rows: Int32Array;
  w: Float64Array;
  /** Class index per entry. */
  cls: Int32Array;
  /** Per attribute, its value per entry (NaN = missing). */
  values: Float64Array[];
}

/** The root's entries: `rows` with their weights, classes and values gathered once. */
export function gatherNodeRows(rows: Int32Array, weights: Float64Array, classes: Int32Array, columns: readonly Float64Array[]): NodeRows {
  const n = rows.length;
  const w = new Float64Array(n);
  const cls = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    w[i] = weights[rows[i]];
    cls[i] = classes[rows[i]];
  }
  const values = columns.map((col) => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = col[rows[i]];
    return v;
  });
  return { rows, w, cls, values };
}

/**
 * Sends each entry to its branch (`entryBranch[i]`, -1 = missing split value), order preserved;
 * a missing-value entry goes to every branch with send[j], its weight times p[j]. `counts[j]`: the
 * number of entries branch j receives.
 */
export function routeNodeRows(src: NodeRows, entryBranch: Int32Array, send: Uint8Array, p: Float64Array, counts: Int32Array): NodeRows[] {
  const nb = counts.length;
  const out: NodeRows[] = [];
  for (let j = 0; j < nb; j++) {
    const c = counts[j];
    out.push({ rows: new Int32Array(c), w: new Float64Array(c), cls: new Int32Array(c), values: src.values.map(() => new Float64Array(c)) });
  }
  const fill = new Int32Array(nb);
  const { rows, w, cls, values } = src;
  const na = values.length;
  for (let i = 0; i < rows.length; i++) {
    const b = entryBranch[i];
    if (b >= 0) {
      const t = out[b];
      const f = fill[b]++;
      t.rows[f] = rows[i];
      t.w[f] = w[i];
      t.cls[f] = cls[i];
      for (let a = 0; a < na; a++) t.values[a][f] = values[a][i];
    } else {
      for (let j = 0; j < nb; j++) {
        if (send[j] === 0) continue;
        const t = out[j];
        const f = fill[j]++;
        t.rows[f] = rows[i];
        t.w[f] = p[j] * w[i];
        t.cls[f] = cls[i];
        for (let a = 0; a < na; a++) t.values[a][f] = values[a][i];
      }
    }
  }
  return out;
}

/** Distribution(Instances) of a node: all weights in one bag, each sum in entry order (as Distribution.add). */
export function nodeRowsDistribution(data: NodeRows, k: number): Distribution {
  const d = new Distribution(1, k);
  const { cls, w } = data;
  const perClass = d.perClass;
  let total = 0;
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    const wt = w[i];
    perClass[c] = perClass[c] + wt;
    total = total + wt;
  }
  d.w.set(perClass);
  d.perBag[0] = total;
  d.total = total;
  return d;
}

export function hasMissing(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}
