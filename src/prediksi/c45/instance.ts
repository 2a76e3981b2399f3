/** Turning a record ({attribute: value}) into the learner's instance vector. */
import type { C45Header } from './model';
import { C45InputError } from './errors';

export type InstanceRecord = Readonly<Record<string, number | string | null | undefined>>;
/** Either an encoded vector (attribute order, nominal = index, NaN = missing) or a record by name. */
export type InstanceInput = ArrayLike<number> | InstanceRecord;

function isVector(x: InstanceInput): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) || Array.isArray(x);
}

/**
 * Encodes a record. Absent, null, '' and '?' are missing values. An unknown nominal value
 * is an error rather than a silent "missing", so data-entry problems are not hidden.
 */
export function encodeInstance(header: C45Header, input: InstanceInput): Float64Array {
  const attrs = header.attributes;
  if (isVector(input)) {
    if (input.length !== attrs.length) throw new C45InputError('INVALID_INPUT', `instance has ${input.length} values, expected ${attrs.length}`);
    return Float64Array.from(input as ArrayLike<number>, (v) => (v === null || v === undefined ? NaN : v));
  }
  const x = new Float64Array(attrs.length);
  for (let a = 0; a < attrs.length; a++) {
    const attr = attrs[a];
    const v = input[attr.name];
    if (v === null || v === undefined || v === '' || v === '?') {
      x[a] = NaN;
    } else if (attr.kind === 'numeric') {
      const num = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(num)) throw new C45InputError('INVALID_INPUT', `attribute '${attr.name}' expects a number, got '${String(v)}'`);
      x[a] = num;
    } else {
      const idx = attr.values.indexOf(String(v));
      if (idx < 0) throw new C45InputError('INVALID_INPUT', `attribute '${attr.name}': unknown value '${String(v)}' (expected one of ${attr.values.join(', ')})`);
      x[a] = idx;
    }
  }
  return x;
}
