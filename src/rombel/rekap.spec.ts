import { classTotals, rank, type RekapInput, rekapMapel } from './rekap';

const row = (
  id: number,
  nama: string,
  rata: number | null,
  nilai: Record<string, number> | null = null,
  hadir: number | null = null,
  prestasi: string | null = null,
): RekapInput => ({
  siswa_id: id,
  nama,
  nis: `N${id}`,
  nilai,
  rata_rata: rata,
  persentase_kehadiran: hadir,
  kategori_kehadiran: null,
  prestasi,
});

describe('class recap', () => {
  it('ranks with shared ranks for ties and skips after them; no report card, no rank', () => {
    const ranked = rank([row(1, 'Dewi', 80), row(2, 'Budi', 90), row(3, 'Ani', 80), row(4, 'Citra', null), row(5, 'Eka', 70)]);
    expect(ranked.map((r) => [r.nama, r.peringkat])).toEqual([
      ['Budi', 1],
      ['Ani', 2],
      ['Dewi', 2],
      ['Eka', 4],
      ['Citra', null],
    ]);
  });

  it('treats float noise in equal averages as a tie', () => {
    const ranked = rank([row(1, 'A', 0.1 + 0.2), row(2, 'B', 0.3)]);
    expect(ranked.map((r) => r.peringkat)).toEqual([1, 1]);
  });

  it('summarises subjects against their KKM and the class', () => {
    const rows = [
      row(1, 'A', 75, { matematika: 60, ipa: 90 }, 90, 'Tinggi'),
      row(2, 'B', 85, { matematika: 80, ipa: 90 }, 70, 'Rendah'),
      row(3, 'C', null),
    ];
    expect(rekapMapel(rows, { matematika: 75, ipa: 95 }, ['matematika', 'ipa'])).toEqual([
      { mapel: 'matematika', kkm: 75, rata_rata: 70, min: 60, max: 80, jumlah_nilai: 2, jumlah_di_bawah_kkm: 1 },
      { mapel: 'ipa', kkm: 95, rata_rata: 90, min: 90, max: 90, jumlah_nilai: 2, jumlah_di_bawah_kkm: 2 },
    ]);
    expect(classTotals(rows)).toEqual({
      jumlah_siswa: 3,
      jumlah_dengan_nilai: 2,
      rata_rata: 80,
      min: 75,
      max: 85,
      persentase_kehadiran: 80,
      prestasi: { Tinggi: 1, Sedang: 0, Rendah: 1 },
    });
  });
});
