/** An empty query value (`?search=`) means "not given", as the web client sends every field. */
export const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * A whole number from a query string: digits convert, empty means absent, anything else stays text so
 * validation rejects it (400) instead of Number() turning `' '` into 0 or `1e3` into 1000.
 */
export const queryInt = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^-?\d{1,15}$/.test(trimmed) ? Number(trimmed) : value;
};
