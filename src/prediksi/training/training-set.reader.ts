/**
 * Reads the training set from PostgreSQL straight into the learner's typed arrays, in batches from a
 * server-side cursor (`rowMode: 'array'`): no object per row is kept, so 1.8 M student-semesters cost
 * a few bytes per cell instead of a JS object each. Runs inside the training worker (its own
 * connection, outside the API's heap) and, under jest, inline.
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { type Attribute, type C45Dataset, domainIndexer, numericCell } from '../c45';

/** A plain-data description of the query, so it can cross into a worker (structured clone). */
export interface TrainingSetQuery {
  connectionString: string;
  statementTimeoutMs: number;
  /**
   * SELECT whose columns are, in this order: each feature, the label (NULL = unlabelled), each group
   * attribute, the row key and the row digest.
   */
  sql: string;
  relation: string;
  features: ReadonlyArray<{ name: string; type: 'numeric' | 'nominal'; domain?: readonly string[] }>;
  target: { name: string; domain: readonly string[] };
  groupNames: readonly string[];
  /** Written into the content hash before the rows (what the set was asked for). */
  hashPrefix: string;
}

export interface TrainingData {
  /** Labelled rows only, in query order. */
  dataset: C45Dataset;
  /** Rows of the query, labelled or not. */
  totalRows: number;
  labelled: number;
  /** Per label value, its number of rows (every declared value present, also at 0). */
  classDistribution: Record<string, number>;
  /** sha256 of `hashPrefix` and every labelled row's features and label, as JSON lines. */
  contentHash: string;
  /** Per group attribute, its value per labelled row (the same string object for equal values). */
  groups: Record<string, Array<string | null>>;
  /** UTF-8 JSON object row key → digest for the labelled rows, ready for a jsonb column. */
  rowDigests: Uint8Array;
}

/** Rows per FETCH: big enough that round trips do not count, small enough that a batch is a few MB. */
const BATCH_ROWS = 20_000;
const INITIAL_CAPACITY = 1 << 16;

type Cell = string | number | null;

/** A typed array that doubles when full; `done()` returns it trimmed to its length (shared). */
class Growable<T extends Float64Array | Int32Array> {
  length = 0;
  data: T;
  constructor(private readonly Kind: { new (n: number): T; new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }) {
    this.data = new Kind(INITIAL_CAPACITY);
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new this.Kind(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  /** Trimmed to its length, in a SharedArrayBuffer: the CV helper threads then read it without a copy. */
  done(): T {
    const out = new this.Kind(new SharedArrayBuffer(this.length * this.Kind.BYTES_PER_ELEMENT));
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}

/** Row key → digest pairs, written as JSON text into one growing byte buffer. */
class DigestWriter {
  private buf = Buffer.allocUnsafeSlow(INITIAL_CAPACITY * 48);
  private length = 0;
  add(key: string, digest: string): void {
    this.write(`${this.length === 0 ? '{' : ','}${JSON.stringify(key)}:${JSON.stringify(digest)}`);
  }
  done(): Uint8Array {
    this.write(this.length === 0 ? '{}' : '}');
    // An own, exact-size buffer: it is transferred to the API thread (Buffer.slice would be a view).
    const out = new Uint8Array(this.length);
    out.set(this.buf.subarray(0, this.length));
    return out;
  }
  private write(text: string): void {
    // Keys and digests are ASCII; 3 bytes per UTF-16 unit bounds any text.
    if (this.length + text.length * 3 > this.buf.length) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + text.length * 3));
      this.buf.copy(next, 0, 0, this.length);
      this.buf = next;
    }
    this.length += this.buf.write(text, this.length);
  }
}

export async function readTrainingSet(q: TrainingSetQuery): Promise<TrainingData> {
  const client = new Client({ connectionString: q.connectionString, statement_timeout: q.statementTimeoutMs, application_name: 'edupro-api-training' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // A cursor is planned for its first 10 % by default (nested loops); this one is read to the end.
    await client.query('SET LOCAL cursor_tuple_fraction = 1.0');
    await client.query(`DECLARE training_set NO SCROLL CURSOR FOR ${q.sql}`);
    const data = await consume(q, async () => (await client.query<Cell[]>({ text: `FETCH ${BATCH_ROWS} FROM training_set`, rowMode: 'array' })).rows);
    await client.query('COMMIT');
    return data;
  } finally {
    await client.end();
  }
}

/** Fills the columns from batches of array rows until an empty batch. */
async function consume(q: TrainingSetQuery, nextBatch: () => Promise<Cell[][]>): Promise<TrainingData> {
  const k = q.features.length;
  const labelAt = k;
  const groupAt = k + 1;
  const keyAt = groupAt + q.groupNames.length;
  const digestAt = keyAt + 1;

  const columns = q.features.map(() => new Growable(Float64Array));
  const encoders = q.features.map((f) => (f.type === 'nominal' ? domainIndexer(f.name, f.domain ?? []) : null));
  const classes = new Growable(Int32Array);
  const classOf = domainIndexer(q.target.name, q.target.domain);
  const groups = q.groupNames.map(() => [] as Array<string | null>);
  // Equal group values share one string, so a group column costs a pointer per row.
  const interned = q.groupNames.map(() => new Map<string, string>());
  const digests = new DigestWriter();
  const hash = createHash('sha256').update(q.hashPrefix);
  const classDistribution: Record<string, number> = Object.fromEntries(q.target.domain.map((v) => [v, 0]));
  let totalRows = 0;

  // One FETCH ahead: PostgreSQL computes the next batch (the joins, the digests) while this thread
  // fills the columns from the current one, instead of each side waiting for the other.
  let ahead = nextBatch();
  for (;;) {
    const batch = await ahead;
    if (batch.length === 0) break;
    ahead = nextBatch();
    // A failure below leaves that FETCH in flight: its answer (or the closed connection's error) is dropped.
    void ahead.catch(() => undefined);
    totalRows += batch.length;
    for (const c of columns) c.reserve(batch.length);
    classes.reserve(batch.length);
    for (const r of batch) {
      const label = r[labelAt];
      if (label === null) continue;
      const row = classes.length;
      for (let a = 0; a < k; a++) {
        const v = r[a];
        const enc = encoders[a];
        columns[a].data[row] = enc ? enc(v === null ? null : String(v), row) : numericCell(q.features[a].name, v === null ? null : Number(v), row);
        columns[a].length++;
      }
      const cls = classOf(String(label), row);
      classes.data[row] = Number.isNaN(cls) ? -1 : cls;
      classes.length++;
      classDistribution[String(label)] = (classDistribution[String(label)] ?? 0) + 1;
      for (let g = 0; g < groups.length; g++) groups[g].push(intern(interned[g], r[groupAt + g]));
      hash.update('\n' + JSON.stringify(r.slice(0, labelAt + 1)));
      digests.add(String(r[keyAt]), String(r[digestAt]));
    }
  }
  const n = classes.length;
  const attributes: Attribute[] = q.features.map((f) =>
    f.type === 'numeric' ? { kind: 'numeric', name: f.name } : { kind: 'nominal', name: f.name, values: [...(f.domain ?? [])] },
  );
  const dataset: C45Dataset = {
    relation: q.relation,
    attributes,
    classAttribute: { kind: 'nominal', name: q.target.name, values: [...q.target.domain] },
    columns: columns.map((c) => c.done()),
    classes: classes.done(),
    weights: new Float64Array(new SharedArrayBuffer(n * Float64Array.BYTES_PER_ELEMENT)).fill(1),
    numInstances: n,
  };
  return {
    dataset,
    totalRows,
    labelled: n,
    classDistribution,
    contentHash: hash.digest('hex'),
    groups: Object.fromEntries(q.groupNames.map((g, i) => [g, groups[i]])),
    rowDigests: digests.done(),
  };
}

function intern(seen: Map<string, string>, v: Cell): string | null {
  if (v === null) return null;
  const s = String(v);
  let shared = seen.get(s);
  if (shared === undefined) {
    shared = s;
    seen.set(s, s);
  }
  return shared;
}
