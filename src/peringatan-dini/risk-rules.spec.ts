import { compareRisk, type RiskInput, riskReasons } from './risk-rules';

const base: RiskInput = {
  prediksi: 'Sedang',
  prestasiTerakhir: 'Sedang',
  rataRata: 78,
  rataRataSebelumnya: 80,
  kategoriKehadiran: 'Tinggi',
  kategoriKehadiranSebelumnya: 'Tinggi',
};

describe('riskReasons', () => {
  it('no reason for a steady student', () => {
    expect(riskReasons(base, 5)).toEqual([]);
  });

  it('a Rendah prediction', () => {
    expect(riskReasons({ ...base, prediksi: 'Rendah', prestasiTerakhir: null }, 5)).toEqual(['PREDIKSI_RENDAH']);
  });

  it('a prediction below the last observed prestasi (and none without one)', () => {
    expect(riskReasons({ ...base, prestasiTerakhir: 'Tinggi' }, 5)).toEqual(['DI_BAWAH_PRESTASI']);
    expect(riskReasons({ ...base, prediksi: 'Rendah', prestasiTerakhir: 'Sedang' }, 5)).toEqual(['PREDIKSI_RENDAH', 'DI_BAWAH_PRESTASI']);
    expect(riskReasons({ ...base, prediksi: 'Tinggi', prestasiTerakhir: 'Sedang' }, 5)).toEqual([]);
  });

  it('a fall of the rata-rata by at least the configured points (exactly the limit counts)', () => {
    expect(riskReasons({ ...base, rataRata: 75, rataRataSebelumnya: 80 }, 5)).toEqual(['NILAI_TURUN']);
    expect(riskReasons({ ...base, rataRata: 75.01, rataRataSebelumnya: 80 }, 5)).toEqual([]);
    expect(riskReasons({ ...base, rataRata: 75.01, rataRataSebelumnya: 80 }, 4)).toEqual(['NILAI_TURUN']);
    expect(riskReasons({ ...base, rataRata: 50, rataRataSebelumnya: null }, 5)).toEqual([]);
  });

  it('attendance that fell to Rendah (not one that stayed there, nor one without a previous semester)', () => {
    expect(riskReasons({ ...base, kategoriKehadiran: 'Rendah', kategoriKehadiranSebelumnya: 'Sedang' }, 5)).toEqual(['KEHADIRAN_TURUN']);
    expect(riskReasons({ ...base, kategoriKehadiran: 'Rendah', kategoriKehadiranSebelumnya: 'Rendah' }, 5)).toEqual([]);
    expect(riskReasons({ ...base, kategoriKehadiran: 'Rendah', kategoriKehadiranSebelumnya: null }, 5)).toEqual([]);
  });
});

describe('compareRisk', () => {
  const row = (siswa_id: number, prediksi_prestasi: string, reasons: number, rendah: number) => ({
    siswa_id,
    prediksi_prestasi,
    alasan: new Array<string>(reasons).fill('x'),
    probabilities: { Rendah: rendah },
  });

  it('Rendah first, then more reasons, then a higher probability of Rendah, then the id', () => {
    const rows = [
      row(1, 'Sedang', 3, 0.4),
      row(2, 'Rendah', 1, 0.6),
      row(3, 'Rendah', 2, 0.5),
      row(4, 'Rendah', 2, 0.9),
      row(5, 'Rendah', 2, 0.9),
    ];
    expect(rows.sort(compareRisk).map((r) => r.siswa_id)).toEqual([4, 5, 3, 2, 1]);
  });
});
