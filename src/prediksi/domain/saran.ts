/**
 * The counterfactual advice as the API shows it (`saran`): the option's numbers plus one sentence in
 * the request's language, e.g. "Jika nilai rata-rata naik dari 65 menjadi ≥ 70,01 (ambang pohon:
 * > 70), prediksi menjadi Sedang" or "Jika kehadiran naik ke kategori Tinggi (≥ 80 %), …".
 */
import type { C45Tree, InstanceRecord } from '../c45';
import type { AttendanceThresholds } from '../../common/derived/derived';
import { msg } from '../../i18n/catalogue';
import { currentLanguage, t } from '../../i18n/language';
import { type Counterfactual, counterfactuals } from './counterfactual';
import { featureText } from './explanation';

export interface Saran {
  fitur: string;
  jenis: 'numeric' | 'nominal';
  nilai_sekarang: number | string;
  /** Numeric: the smallest value (0.01 steps) that raises the prediction; nominal: the category. */
  nilai_saran: number | string;
  /** Numeric: the tree's exact threshold that `nilai_saran` exceeds; nominal: null. */
  ambang: number | null;
  /** Numeric: points to gain; nominal: category steps. */
  perubahan: number;
  prediksi_baru: string;
  teks: string;
}

export interface Advice {
  /** The smallest change (null when the prediction is Tinggi or no single change raises it). */
  saran: Saran | null;
  /** The other actionable features' smallest changes, next best first. */
  saran_alternatif: Saran[];
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A number as the request's language writes it (`76,51` in Bahasa Indonesia); formatters are cached (building one is slow). */
export function formatNumber(value: number, digits: number): string {
  const lang = currentLanguage();
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: digits })));
  return f.format(value);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function attendanceBound(category: string, thresholds: AttendanceThresholds): string {
  if (category === 'Tinggi') return `≥ ${formatNumber(thresholds.attendanceHighMin, 2)} %`;
  if (category === 'Sedang') return `≥ ${formatNumber(thresholds.attendanceMediumMin, 2)} %`;
  return `< ${formatNumber(thresholds.attendanceMediumMin, 2)} %`;
}

export function toSaran(c: Counterfactual, thresholds: AttendanceThresholds): Saran {
  const teks =
    c.kind === 'numeric'
      ? t(
          msg('SARAN_NUMERIC', {
            fitur: lowerFirst(featureText(c.attribute)),
            dari: formatNumber(c.from as number, 2),
            nilai: formatNumber(c.to as number, 2),
            ambang: formatNumber(c.threshold as number, 3),
            prediksi: c.prediction,
          }),
        )
      : t(msg('SARAN_KEHADIRAN', { kategori: String(c.to), batas: attendanceBound(String(c.to), thresholds), prediksi: c.prediction }));
  return {
    fitur: c.attribute,
    jenis: c.kind,
    nilai_sekarang: c.from,
    nilai_saran: c.to,
    ambang: c.threshold,
    perubahan: c.change,
    prediksi_baru: c.prediction,
    teks,
  };
}

export function adviceFor(tree: C45Tree, features: InstanceRecord, thresholds: AttendanceThresholds): Advice {
  const [best, ...others] = counterfactuals(tree, features).map((c) => toSaran(c, thresholds));
  return { saran: best ?? null, saran_alternatif: others };
}
