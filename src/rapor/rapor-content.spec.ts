import { angka, deskripsi, fase, fileSlug, keputusanText, tanggalIndonesia, tuntas } from './rapor-content';

describe('report card words and numbers', () => {
  it('writes numbers with the Indonesian decimal comma, at most two decimals, and "–" for none', () => {
    expect(angka(81.5)).toBe('81,5');
    expect(angka(80)).toBe('80');
    expect(angka(78 + 1 / 3)).toBe('78,33');
    expect(angka(99.999)).toBe('100');
    expect(angka(null)).toBe('–');
    expect(angka(Number.NaN)).toBe('–');
  });

  it('spells dates with Indonesian month names', () => {
    expect(tanggalIndonesia('2026-12-02')).toBe('2 Desember 2026');
    expect(tanggalIndonesia('2025-01-31')).toBe('31 Januari 2025');
    expect(tanggalIndonesia('2025-08-17')).toBe('17 Agustus 2025');
  });

  it('names the Kurikulum Merdeka phase of each tingkat', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(fase).join('')).toBe('AABBCCDDDEFF');
  });

  it('is tuntas from the KKM up, and has no verdict without a score', () => {
    expect(tuntas(75, 75)).toBe('Tuntas');
    expect(tuntas(74.5, 75)).toBe('Belum Tuntas');
    expect(tuntas(null, 75)).toBe('–');
  });

  it('describes each band in one encouraging sentence naming the subject, never a judgement', () => {
    const bands = [100, 90, 82, 76, 74, 10].map((n) => deskripsi('Matematika', n, 75));
    expect(new Set(bands.slice(0, 2)).size).toBe(1); // 90 and 100: well above the KKM
    expect(new Set(bands).size).toBe(4);
    for (const d of bands) {
      expect(d).toMatch(/^Ananda .*Matematika.*\.$/);
      expect(d.split('. ')).toHaveLength(1);
      expect(d).not.toMatch(/gagal|buruk|malas|kurang|bodoh|lemah|jelek/i);
    }
    expect(deskripsi('Seni Budaya', 74, 75)).toMatch(/berkembang.*pendampingan.*ketuntasan/);
    expect(deskripsi('Seni Budaya', null, 75)).toBe('Nilai Seni Budaya semester ini belum diisi.');
    // A KKM so high that "well above" cannot be reached still has a top band at 100.
    expect(deskripsi('IPA', 100, 95)).toMatch(/sangat baik/);
  });

  it('states the promotion decision, naming the next rombel when known', () => {
    expect(keputusanText('naik', 'XII IPA 1', 'XI IPA 1')).toBe('Naik ke kelas XII IPA 1');
    expect(keputusanText('naik', null, 'XI IPA 1')).toBe('Naik kelas');
    expect(keputusanText('tinggal', 'XI IPA 2', 'XI IPA 1')).toBe('Tinggal di kelas XI IPA 2');
    expect(keputusanText('tinggal', null, 'XI IPA 1')).toBe('Tinggal di kelas XI IPA 1');
    expect(keputusanText('lulus', null, 'XII IPA 1')).toBe('Lulus');
    expect(keputusanText(null, null, 'X')).toBeNull();
  });

  it('makes file-name-safe slugs', () => {
    expect(fileSlug('2024/2025')).toBe('2024-2025');
    expect(fileSlug('XI IPA 1')).toBe('XI-IPA-1');
    expect(fileSlug('Kelas Ü/"a";\r\nb')).toBe('Kelas-U-a-b');
    expect(fileSlug('///')).toBe('x');
    expect(fileSlug('A'.repeat(100))).toHaveLength(40);
  });
});
