import { nextRombelName, nextTahunAjaran, targetTingkat } from './kenaikan-rules';

describe('promotion rules', () => {
  it.each([
    ['X IPA 1', 10, 'XI IPA 1'],
    ['XI IPS 2', 11, 'XII IPS 2'],
    ['x ipa 1', 10, 'XI ipa 1'],
    ['VII-B', 7, 'VIII-B'],
    ['7A', 7, '8A'],
    ['1 Merah', 1, '2 Merah'],
  ])('%s (tingkat %d) → %s', (nama, tingkat, next) => {
    expect(nextRombelName(nama, tingkat)).toBe(next);
  });

  it.each([
    ['XI IPA 1', 10],
    ['Kelas Mawar', 3],
    ['10A', 1],
    ['XII', 11],
  ])('%s with tingkat %d has no pattern', (nama, tingkat) => {
    expect(nextRombelName(nama, tingkat)).toBeUndefined();
  });

  it('knows the next year and target tingkat', () => {
    expect(nextTahunAjaran('2025/2026')).toBe('2026/2027');
    expect(targetTingkat('naik', 10)).toBe(11);
    expect(targetTingkat('tinggal', 10)).toBe(10);
  });
});
