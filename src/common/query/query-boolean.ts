/**
 * A boolean from a query string: `true`/`1` and `false`/`0`; anything else stays text so validation
 * rejects it (400). (Environment values have their own, wider spellings: config/env.schema.ts.)
 */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
