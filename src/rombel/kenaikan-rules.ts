/** Pure rules of the end-of-year promotion (no framework imports; tested on their own). */

export const KEPUTUSAN = ['naik', 'tinggal', 'lulus', 'keluar'] as const;
export type Keputusan = (typeof KEPUTUSAN)[number];

/** SD ends at 6, SMP at 9, SMA/SMK at 12: students of these tingkat graduate instead of moving up. */
export const TOP_TINGKAT = new Set([6, 9, 12]);

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];

/** `2025/2026` → `2026/2027`. */
export function nextTahunAjaran(nama: string): string {
  const first = Number(nama.slice(0, 4));
  return `${first + 1}/${first + 2}`;
}

/** The tingkat a decision leads to: one up for naik, the same for tinggal. */
export function targetTingkat(status: 'naik' | 'tinggal', tingkat: number): number {
  return status === 'naik' ? tingkat + 1 : tingkat;
}

/**
 * The same class one tingkat up, by the name's pattern: `X IPA 1` → `XI IPA 1`, `7A` → `8A`,
 * `VII-B` → `VIII-B`. Undefined when the name does not start with its tingkat.
 */
export function nextRombelName(nama: string, tingkat: number): string | undefined {
  const roman = new RegExp(`^${ROMAN[tingkat]}(?![A-Za-z])`, 'i');
  if (ROMAN[tingkat] && ROMAN[tingkat + 1] && roman.test(nama)) return nama.replace(roman, ROMAN[tingkat + 1]);
  const arabic = new RegExp(`^${tingkat}(?!\\d)`);
  if (arabic.test(nama)) return nama.replace(arabic, String(tingkat + 1));
  return undefined;
}
