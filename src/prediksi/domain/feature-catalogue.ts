/**
 * The fixed catalogue of features a model may be trained on (API.md §6). A request picks a subset by
 * name; the names double as SQL column aliases, so only catalogue entries ever reach a query.
 */
import { SUBJECT_FIELDS, type SubjectField } from '../../nilai/nilai-subjects';

/** Each of the eleven subjects (their one list is nilai's) is a numeric feature under its field name. */
export type SubjectFeature = SubjectField;

export const KATEGORI_PRESTASI = ['Rendah', 'Sedang', 'Tinggi'] as const;
export type KategoriPrestasi = (typeof KATEGORI_PRESTASI)[number];

export type FeatureName =
  | 'rata_rata'
  | 'kategori_penghasilan'
  | 'kategori_kehadiran'
  | 'persentase_kehadiran'
  | 'total_penghasilan'
  | SubjectFeature;

export interface FeatureDefinition {
  name: FeatureName;
  type: 'numeric' | 'nominal';
  /** Declared value order of a nominal feature (fixes branch order, whatever the data holds). */
  domain?: readonly string[];
  /** SQL expression over the aliases n (nilai_raport), p (presensi), o (penghasilan_orang_tua). */
  sql: string;
  /** Indonesian wording used in explanations and statistics. */
  label: string;
}

const subjectLabel: Record<SubjectFeature, string> = {
  matematika: 'Nilai Matematika',
  bahasa_indonesia: 'Nilai Bahasa Indonesia',
  bahasa_inggris: 'Nilai Bahasa Inggris',
  bahasa_jawa: 'Nilai Bahasa Jawa',
  ipa: 'Nilai IPA',
  agama: 'Nilai Agama',
  pjok: 'Nilai PJOK',
  pkn: 'Nilai PKN',
  sejarah: 'Nilai Sejarah',
  seni: 'Nilai Seni',
  dasar_kejuruan: 'Nilai Dasar Kejuruan',
};

export const FEATURE_CATALOGUE: Readonly<Record<FeatureName, FeatureDefinition>> = {
  rata_rata: { name: 'rata_rata', type: 'numeric', sql: 'n.rata_rata', label: 'Nilai rata-rata' },
  kategori_penghasilan: {
    name: 'kategori_penghasilan',
    type: 'nominal',
    domain: ['Rendah', 'Menengah', 'Tinggi'],
    sql: 'o.kategori_penghasilan',
    label: 'Kategori penghasilan',
  },
  kategori_kehadiran: {
    name: 'kategori_kehadiran',
    type: 'nominal',
    domain: ['Rendah', 'Sedang', 'Tinggi'],
    sql: 'p.kategori_kehadiran',
    label: 'Kategori kehadiran',
  },
  persentase_kehadiran: { name: 'persentase_kehadiran', type: 'numeric', sql: 'p.persentase_kehadiran', label: 'Persentase kehadiran' },
  // bigint comes back from pg as a string; float8 keeps it a number (rupiah fit exactly).
  total_penghasilan: { name: 'total_penghasilan', type: 'numeric', sql: 'o.total_penghasilan::float8', label: 'Total penghasilan' },
  ...(Object.fromEntries(
    SUBJECT_FIELDS.map((s) => [s, { name: s, type: 'numeric', sql: `n.${s}`, label: subjectLabel[s] }]),
  ) as Record<SubjectFeature, FeatureDefinition>),
};

export const FEATURE_NAMES = Object.keys(FEATURE_CATALOGUE) as FeatureName[];
export const DEFAULT_FEATURES: readonly FeatureName[] = ['rata_rata', 'kategori_penghasilan', 'kategori_kehadiran'];

export function isFeatureName(name: string): name is FeatureName {
  return Object.prototype.hasOwnProperty.call(FEATURE_CATALOGUE, name);
}

/** Wording for any attribute name, including ones a stored model knows but the catalogue no longer does. */
export function featureLabel(name: string): string {
  return isFeatureName(name) ? FEATURE_CATALOGUE[name].label : name.replace(/_/g, ' ');
}

export type LabelSource = 'prestasi' | 'rule';
export const LABEL_SOURCES: readonly LabelSource[] = ['prestasi', 'rule'];

/** The design's rule (API.md §6), for schools that have not recorded observed achievements. */
export function ruleLabel(rataRata: number, persentaseKehadiran: number): KategoriPrestasi {
  if (rataRata >= 80 && persentaseKehadiran >= 80) return 'Tinggi';
  if (rataRata >= 70 && persentaseKehadiran >= 75) return 'Sedang';
  return 'Rendah';
}

/** The same rule in SQL, so the training set stays one query. */
export const RULE_LABEL_SQL = `CASE WHEN n.rata_rata >= 80 AND p.persentase_kehadiran >= 80 THEN 'Tinggi'
  WHEN n.rata_rata >= 70 AND p.persentase_kehadiran >= 75 THEN 'Sedang' ELSE 'Rendah' END`;

/** Fewer labelled rows than this and training is refused (409). */
export const MIN_TRAINING_ROWS = 10;
