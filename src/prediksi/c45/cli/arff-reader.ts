/**
 * A small ARFF reader (dense data, numeric/real/integer and nominal attributes).
 * Nominal value order is the header's declaration order, as in Weka.
 */
import { readFileSync } from 'node:fs';
import type { Attribute, RawTable } from '../dataset';
import { C45InputError } from '../errors';

/** Splits on commas outside quotes; unquotes values ('a b' / "a b" / escaped \'). */
export function splitArffValues(line: string, lineNo: number): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\' && i + 1 < line.length) cur += line[++i];
      else if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      if (cur.trim() === '') cur = '';
      quote = ch;
      quoted = true;
    } else if (ch === ',') {
      out.push(quoted ? cur : cur.trim());
      cur = '';
      quoted = false;
    } else if (!(quoted && /\s/.test(ch))) cur += ch;
  }
  if (quote) throw new C45InputError('MALFORMED_ARFF', `line ${lineNo}: unterminated quote`, lineNo);
  out.push(quoted ? cur : cur.trim());
  return out;
}

function readName(rest: string, lineNo: number): { name: string; rest: string } {
  const s = rest.trimStart();
  if (s.startsWith("'") || s.startsWith('"')) {
    const q = s[0];
    const end = s.indexOf(q, 1);
    if (end < 0) throw new C45InputError('MALFORMED_ARFF', `line ${lineNo}: unterminated quoted attribute name`, lineNo);
    return { name: s.slice(1, end), rest: s.slice(end + 1) };
  }
  const m = /^(\S+)(.*)$/s.exec(s);
  if (!m) throw new C45InputError('MALFORMED_ARFF', `line ${lineNo}: @attribute without a name`, lineNo);
  return { name: m[1], rest: m[2] };
}

function parseAttribute(rest: string, lineNo: number): Attribute {
  const { name, rest: typeText } = readName(rest, lineNo);
  const t = typeText.trim();
  if (t.startsWith('{')) {
    const close = t.lastIndexOf('}');
    if (close < 0) throw new C45InputError('MALFORMED_ARFF', `line ${lineNo}: nominal attribute '${name}' has no closing '}'`, lineNo);
    const values = splitArffValues(t.slice(1, close), lineNo).filter((v) => v.length > 0);
    if (values.length === 0) throw new C45InputError('MALFORMED_ARFF', `line ${lineNo}: nominal attribute '${name}' declares no values`, lineNo);
    return { kind: 'nominal', name, values };
  }
  const type = t.toLowerCase();
  if (type === 'numeric' || type === 'real' || type === 'integer') return { kind: 'numeric', name };
  throw new C45InputError('MALFORMED_ARFF', `line ${lineNo}: attribute '${name}' has unsupported type '${t}' (numeric or {nominal} expected)`, lineNo);
}

export function parseArff(text: string, source = 'ARFF input'): RawTable {
  const lines = text.split(/\r?\n/);
  const attributes: Attribute[] = [];
  let relation = 'dataset';
  let i = 0;
  let inData = false;
  for (; i < lines.length && !inData; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('%')) continue;
    const lower = line.toLowerCase();
    if (lower.startsWith('@relation')) relation = readName(line.slice(9), i + 1).name;
    else if (lower.startsWith('@attribute')) attributes.push(parseAttribute(line.slice(10), i + 1));
    else if (lower.startsWith('@data')) inData = true;
    else throw new C45InputError('MALFORMED_ARFF', `${source} line ${i + 1}: unexpected header line '${line}'`, i + 1);
  }
  if (!inData) throw new C45InputError('MALFORMED_ARFF', `${source}: no @data section`);
  if (attributes.length === 0) throw new C45InputError('MALFORMED_ARFF', `${source}: no @attribute declarations`);
  const indexes = attributes.map((a) => (a.kind === 'nominal' ? new Map(a.values.map((v, j) => [v, j])) : null));
  const cols: number[][] = attributes.map(() => []);
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('%')) continue;
    const lineNo = i + 1;
    if (line.startsWith('{')) throw new C45InputError('MALFORMED_ARFF', `${source} line ${lineNo}: sparse ARFF rows are not supported`, lineNo);
    const vals = splitArffValues(line, lineNo);
    if (vals.length !== attributes.length) {
      throw new C45InputError(
        'MALFORMED_ARFF',
        `${source} line ${lineNo}: expected ${attributes.length} values, found ${vals.length}`,
        lineNo,
      );
    }
    for (let a = 0; a < attributes.length; a++) {
      const v = vals[a];
      if (v === '?') {
        cols[a].push(NaN);
        continue;
      }
      const idx = indexes[a];
      if (idx) {
        const j = idx.get(v);
        if (j === undefined) {
          throw new C45InputError('MALFORMED_ARFF', `${source} line ${lineNo}: '${v}' is not a declared value of '${attributes[a].name}'`, lineNo);
        }
        cols[a].push(j);
      } else {
        const num = Number(v);
        if (v === '' || !Number.isFinite(num)) {
          throw new C45InputError('MALFORMED_ARFF', `${source} line ${lineNo}: '${v}' is not a number (attribute '${attributes[a].name}')`, lineNo);
        }
        cols[a].push(num);
      }
    }
  }
  return { relation, attributes, columns: cols.map((c) => Float64Array.from(c)) };
}

export function readArffFile(file: string): RawTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new C45InputError('MISSING_FILE', `cannot read data file '${file}' (missing or unreadable)`);
  }
  return parseArff(text, file);
}
