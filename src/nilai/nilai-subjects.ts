import type { NilaiRaport } from './nilai.entity';

type ScoreProp = {
  [K in keyof NilaiRaport]: NilaiRaport[K] extends number ? K : never;
}[keyof NilaiRaport];

export interface Subject {
  field: string;
  prop: Exclude<ScoreProp, 'id' | 'siswaId' | 'rataRata'>;
  header: string;
}

/** The eleven report-card subjects, in the column order of the export (API.md §4). */
export const SUBJECTS: readonly Subject[] = [
  { field: 'matematika', prop: 'matematika', header: 'Matematika' },
  {
    field: 'bahasa_indonesia',
    prop: 'bahasaIndonesia',
    header: 'Bahasa Indonesia',
  },
  { field: 'bahasa_inggris', prop: 'bahasaInggris', header: 'Bahasa Inggris' },
  { field: 'ipa', prop: 'ipa', header: 'IPA' },
  { field: 'bahasa_jawa', prop: 'bahasaJawa', header: 'Bahasa Jawa' },
  { field: 'agama', prop: 'agama', header: 'Agama' },
  { field: 'pjok', prop: 'pjok', header: 'PJOK' },
  { field: 'pkn', prop: 'pkn', header: 'PKN' },
  { field: 'sejarah', prop: 'sejarah', header: 'Sejarah' },
  { field: 'seni', prop: 'seni', header: 'Seni' },
  { field: 'dasar_kejuruan', prop: 'dasarKejuruan', header: 'Dasar Kejuruan' },
];

export type SubjectScores = Record<string, number>;
