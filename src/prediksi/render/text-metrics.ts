/**
 * Text width estimates for laying out boxes without a browser or font engine. The numbers
 * are DejaVu Sans advance widths (em units, rounded up), the font the PNG renderer uses; other
 * sans-serif fonts (Arial, Helvetica) are narrower, so boxes sized this way never clip text.
 */

const NARROW = new Set([...'iljtfrI.,:;\'!|()[]{} ']);
const WIDE = new Set([...'mwMW%@—']);
const SYMBOLS = new Set([...'<>=+~^#*']);

function advance(ch: string): number {
  if (NARROW.has(ch)) return ch === 'r' || ch === 'f' || ch === 't' ? 0.41 : 0.32;
  if (WIDE.has(ch)) return 0.98;
  if (SYMBOLS.has(ch)) return 0.84;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  if (ch === '·' || ch === '-' || ch === '_') return 0.5;
  return 0.62;
}

/** Estimated rendered width in px of `text` at `fontSize`; bold DejaVu is about 10 % wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advance(ch);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** Shortens text past `max` characters with an ellipsis (the full text stays in the tooltip). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
