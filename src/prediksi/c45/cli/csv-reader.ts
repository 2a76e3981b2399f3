/**
 * CSV reader for the CLI. Header row required; '?' or an empty cell is a missing value.
 * A column is numeric when every non-missing cell parses as a number; otherwise it is
 * nominal with values in ORDER OF FIRST APPEARANCE — what Weka's CSVLoader does, so a CSV
 * gives the same tree as J48 run on that CSV (the reference students_1k__csv_default.txt).
 * The ARFF files declare a different value order (e.g. {Rendah,Sedang,Tinggi}); to print
 * branches in that order from a CSV, pass `nominalOrder` (the CLI's --arff-header does this).
 */
import { readFileSync } from 'node:fs';
import type { Attribute, RawTable } from '../dataset';
import { C45InputError } from '../errors';

export interface CsvOptions {
  /** Declared value order per column name (overrides first appearance). */
  nominalOrder?: Readonly<Record<string, readonly string[]>>;
  delimiter?: string;
}

/**
 * Splits one CSV record. A field may be quoted with " (RFC 4180, "" escapes) or, like
 * Weka's CSVLoader, with ' (glass.csv quotes its class values that way).
 */
export function splitCsvLine(line: string, delimiter: string, lineNo: number): string[] {
  if (!line.includes('"') && !line.includes("'")) return line.split(delimiter).map((v) => v.trim());
  const out: string[] = [];
  let cur = '';
  let quote = '';
  let fieldStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote && line[i + 1] === quote) {
        cur += quote;
        i++;
      } else if (ch === quote) quote = '';
      else cur += ch;
    } else if (fieldStart && (ch === '"' || ch === "'")) {
      quote = ch;
      fieldStart = false;
    } else if (ch === delimiter) {
      out.push(cur.trim());
      cur = '';
      fieldStart = true;
    } else {
      cur += ch;
      if (ch !== ' ' && ch !== '\t') fieldStart = false;
    }
  }
  if (quote) throw new C45InputError('MALFORMED_CSV', `line ${lineNo}: unterminated quote`, lineNo);
  out.push(cur.trim());
  return out;
}

export function parseCsv(text: string, source = 'CSV input', options: CsvOptions = {}): RawTable {
  const delimiter = options.delimiter ?? ',';
  const lines = text.split(/\r?\n/);
  let h = 0;
  while (h < lines.length && lines[h].trim() === '') h++;
  if (h >= lines.length) throw new C45InputError('EMPTY_DATASET', `${source}: the file is empty`);
  const names = splitCsvLine(lines[h], delimiter, h + 1);
  if (new Set(names).size !== names.length) throw new C45InputError('MALFORMED_CSV', `${source} line ${h + 1}: duplicate column names`, h + 1);
  const cells: string[][] = names.map(() => []);
  for (let i = h + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const vals = splitCsvLine(lines[i], delimiter, i + 1);
    if (vals.length !== names.length) {
      throw new C45InputError('MALFORMED_CSV', `${source} line ${i + 1}: expected ${names.length} values, found ${vals.length}`, i + 1);
    }
    for (let a = 0; a < names.length; a++) cells[a].push(vals[a]);
  }
  if (cells[0].length === 0) throw new C45InputError('EMPTY_DATASET', `${source}: the dataset has no instances (header only)`);
  const attributes: Attribute[] = [];
  const columns: Float64Array[] = [];
  for (let a = 0; a < names.length; a++) {
    const col = cells[a];
    const declared = options.nominalOrder?.[names[a]];
    const numeric = !declared && col.every((v) => v === '' || v === '?' || (Number.isFinite(Number(v)) && v.trim() !== ''));
    const out = new Float64Array(col.length);
    if (numeric) {
      for (let i = 0; i < col.length; i++) out[i] = col[i] === '' || col[i] === '?' ? NaN : Number(col[i]);
      attributes.push({ kind: 'numeric', name: names[a] });
    } else {
      const values: string[] = declared ? [...declared] : [];
      const index = new Map(values.map((v, j) => [v, j]));
      for (let i = 0; i < col.length; i++) {
        const v = col[i];
        if (v === '' || v === '?') {
          out[i] = NaN;
          continue;
        }
        let j = index.get(v);
        if (j === undefined) {
          if (declared) throw new C45InputError('MALFORMED_CSV', `${source}: value '${v}' of column '${names[a]}' is not declared`);
          j = values.length;
          values.push(v);
          index.set(v, j);
        }
        out[i] = j;
      }
      attributes.push({ kind: 'nominal', name: names[a], values });
    }
    columns.push(out);
  }
  return { relation: source.replace(/^.*[\\/]/, '').replace(/\.csv$/i, ''), attributes, columns };
}

export function readCsvFile(file: string, options: CsvOptions = {}): RawTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new C45InputError('MISSING_FILE', `cannot read data file '${file}' (missing or unreadable)`);
  }
  return parseCsv(text, file, options);
}
