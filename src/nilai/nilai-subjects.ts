import type { NilaiRaport } from './nilai.entity';

type ScoreProp = {
  [K in keyof NilaiRaport]: NilaiRaport[K] extends number ? K : never;
}[keyof NilaiRaport];

export interface Subject {
  /** The API field and nilai_raport column. */
  field: string;
  prop: Exclude<ScoreProp, 'id' | 'siswaId' | 'rataRata'>;
  /** The spreadsheet header. */
  header: string;
  /** Position on the report card and in the spreadsheet (API.md §4), which differs from the field order. */
  reportColumn: number;
}

/**
 * The eleven report-card subjects — the one list of them — in the order of API.md §4's field list
 * and of the nilai_raport columns. Predictions keep this order (feature names, demo draws).
 */
export const SUBJECTS = [
  { field: 'matematika', prop: 'matematika', header: 'Matematika', reportColumn: 1 },
  { field: 'bahasa_indonesia', prop: 'bahasaIndonesia', header: 'Bahasa Indonesia', reportColumn: 2 },
  { field: 'bahasa_inggris', prop: 'bahasaInggris', header: 'Bahasa Inggris', reportColumn: 3 },
  { field: 'bahasa_jawa', prop: 'bahasaJawa', header: 'Bahasa Jawa', reportColumn: 5 },
  { field: 'ipa', prop: 'ipa', header: 'IPA', reportColumn: 4 },
  { field: 'agama', prop: 'agama', header: 'Agama', reportColumn: 6 },
  { field: 'pjok', prop: 'pjok', header: 'PJOK', reportColumn: 7 },
  { field: 'pkn', prop: 'pkn', header: 'PKN', reportColumn: 8 },
  { field: 'sejarah', prop: 'sejarah', header: 'Sejarah', reportColumn: 9 },
  { field: 'seni', prop: 'seni', header: 'Seni', reportColumn: 10 },
  { field: 'dasar_kejuruan', prop: 'dasarKejuruan', header: 'Dasar Kejuruan', reportColumn: 11 },
] as const satisfies readonly Subject[];

export type SubjectField = (typeof SUBJECTS)[number]['field'];

/** The field names alone, in field order. */
export const SUBJECT_FIELDS: readonly SubjectField[] = SUBJECTS.map((s) => s.field);

/** The subjects as the report card shows them: export columns, sort fields and response order. */
export const REPORT_SUBJECTS: readonly Subject[] = [...SUBJECTS].sort((a, b) => a.reportColumn - b.reportColumn);
