/** The class recap (leger) arithmetic: pure, so it is tested on plain rows. */

export interface RekapInput {
  siswa_id: number;
  nama: string;
  nis: string;
  /** The eleven scores by subject field, when the student has a report card that semester. */
  nilai: Record<string, number> | null;
  rata_rata: number | null;
  persentase_kehadiran: number | null;
  kategori_kehadiran: string | null;
  prestasi: string | null;
}

export interface MapelRekap {
  mapel: string;
  kkm: number;
  rata_rata: number | null;
  min: number | null;
  max: number | null;
  jumlah_nilai: number;
  jumlah_di_bawah_kkm: number;
}

export interface SiswaRekap extends RekapInput {
  peringkat: number | null;
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Per subject: mean, min, max over the students with a score, and how many are below the KKM. */
export function rekapMapel(rows: readonly RekapInput[], kkm: Record<string, number>, mapel: readonly string[]): MapelRekap[] {
  return mapel.map((m) => {
    const scores = rows.flatMap((r) => (r.nilai ? [r.nilai[m]] : []));
    return {
      mapel: m,
      kkm: kkm[m],
      rata_rata: mean(scores),
      min: scores.length ? Math.min(...scores) : null,
      max: scores.length ? Math.max(...scores) : null,
      jumlah_nilai: scores.length,
      jumlah_di_bawah_kkm: scores.filter((s) => s < kkm[m]).length,
    };
  });
}

/**
 * Rank by rata_rata, highest first; equal averages share a rank and the next rank skips
 * (1, 2, 2, 4). Students without a report card have no rank and come last, by name.
 */
export function rank(rows: readonly RekapInput[]): SiswaRekap[] {
  const key = (x: number): number => Math.round(x * 1e9);
  const ranked = rows
    .filter((r) => r.rata_rata !== null)
    .sort((a, b) => (b.rata_rata as number) - (a.rata_rata as number) || a.nama.localeCompare(b.nama) || a.siswa_id - b.siswa_id);
  const out: SiswaRekap[] = [];
  ranked.forEach((r, i) => {
    const previous = out[i - 1];
    const tied = previous && key(previous.rata_rata as number) === key(r.rata_rata as number);
    out.push({ ...r, peringkat: tied ? previous.peringkat : i + 1 });
  });
  const unranked = rows.filter((r) => r.rata_rata === null).sort((a, b) => a.nama.localeCompare(b.nama) || a.siswa_id - b.siswa_id);
  return [...out, ...unranked.map((r) => ({ ...r, peringkat: null }))];
}

export function classTotals(rows: readonly RekapInput[]): {
  jumlah_siswa: number;
  jumlah_dengan_nilai: number;
  rata_rata: number | null;
  min: number | null;
  max: number | null;
  persentase_kehadiran: number | null;
  prestasi: Record<string, number>;
} {
  const avgs = rows.flatMap((r) => (r.rata_rata === null ? [] : [r.rata_rata]));
  const attendance = rows.flatMap((r) => (r.persentase_kehadiran === null ? [] : [r.persentase_kehadiran]));
  const prestasi: Record<string, number> = { Tinggi: 0, Sedang: 0, Rendah: 0 };
  for (const r of rows) if (r.prestasi) prestasi[r.prestasi] = (prestasi[r.prestasi] ?? 0) + 1;
  return {
    jumlah_siswa: rows.length,
    jumlah_dengan_nilai: avgs.length,
    rata_rata: mean(avgs),
    min: avgs.length ? Math.min(...avgs) : null,
    max: avgs.length ? Math.max(...avgs) : null,
    persentase_kehadiran: mean(attendance),
    prestasi,
  };
}
