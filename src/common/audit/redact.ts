/** Keys whose values never reach the event log: secrets, and incomes (personal data of the parents). */
export const REDACTED_KEYS = new Set([
  'password',
  'password_hash',
  'passwordhash',
  'current_password',
  'new_password',
  'refresh_token',
  'access_token',
  'token',
  'authorization',
  'penghasilan_ayah',
  'penghasilan_ibu',
  'total_penghasilan',
]);

export const REDACTED = '[REDACTED]';
const MAX_DEPTH = 10;

/** A deep copy with every sensitive key's value replaced, safe to store as JSON. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[TRUNCATED]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'function') continue;
    out[key] = REDACTED_KEYS.has(key.toLowerCase()) ? REDACTED : redact(v, depth + 1);
  }
  return out;
}
