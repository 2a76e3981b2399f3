/** Stored as the code; answered as the label (API.md §3). Both spellings are accepted everywhere. */
export type JenisKelamin = 'L' | 'P';
export type JenisKelaminLabel = 'Laki-laki' | 'Perempuan';

export const JENIS_KELAMIN_LABEL: Readonly<Record<JenisKelamin, JenisKelaminLabel>> = {
  L: 'Laki-laki',
  P: 'Perempuan',
};

/** `L`, `p`, `Laki-laki`, `laki laki`, `PEREMPUAN` → `L`/`P`; anything else → undefined. */
export function canonicalJenisKelamin(value: unknown): JenisKelamin | undefined {
  if (typeof value !== 'string') return undefined;
  const letters = value.toLowerCase().replace(/[^a-z]/g, '');
  if (letters === 'l' || letters === 'lakilaki') return 'L';
  if (letters === 'p' || letters === 'perempuan') return 'P';
  return undefined;
}
