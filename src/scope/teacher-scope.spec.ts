import { changedProps, TeacherScope } from './teacher-scope';

describe('TeacherScope', () => {
  const guru = { id: 7, role: 'guru' as const };

  it('restricts only a guru, and only under GURU_SCOPE=class', () => {
    expect(TeacherScope.of(guru, 'class')).toMatchObject({ restricted: true, guruId: 7 });
    expect(TeacherScope.of(guru, 'school')).toBe(TeacherScope.SCHOOL);
    expect(TeacherScope.of({ id: 1, role: 'admin' }, 'class')).toBe(TeacherScope.SCHOOL);
    expect(TeacherScope.of({ id: 2, role: 'staf' }, 'class')).toBe(TeacherScope.SCHOOL);
    expect(TeacherScope.SCHOOL.restricted).toBe(false);
  });

  it('as raw SQL: TRUE for the school, otherwise a sub-query on the next positional parameter', () => {
    const params: unknown[] = ['Ganjil', '2025/2026'];
    expect(TeacherScope.SCHOOL.sqlCondition('s.id', params)).toBe('TRUE');
    expect(params).toHaveLength(2);
    const sql = TeacherScope.of(guru, 'class').sqlCondition('s.id', params);
    expect(params).toEqual(['Ganjil', '2025/2026', 7]);
    expect(sql).toMatch(/^s\.id IN \(SELECT rs\.siswa_id FROM rombel_siswa rs/);
    expect(sql).toContain('ta.aktif');
    expect(sql).toContain('rb.wali_kelas_id = $3 OR EXISTS');
    expect(TeacherScope.of(guru, 'class').sqlCondition('s.id', [], 'wali')).not.toContain('penugasan');
    expect(TeacherScope.of(guru, 'class').sqlRombelCondition('r.id', [])).toMatch(
      /^r\.id IN \(SELECT rb\.id FROM rombel rb JOIN tahun_ajaran ta .* AND ta\.aktif WHERE/,
    );
    expect(TeacherScope.SCHOOL.sqlRombelCondition('r.id', [])).toBe('TRUE');
  });

  it('a write changes the properties whose value differs, or everything when its natural key moves', () => {
    const key = ['siswaId', 'semester'];
    const before = { siswaId: 1, semester: 'Ganjil', matematika: 80, ipa: 70, rataRata: 75 };
    expect(changedProps(before, { ...before, matematika: 81, rataRata: 75.5 }, key)).toEqual(['matematika', 'rataRata']);
    expect(changedProps(before, { ...before }, key)).toEqual([]);
    expect(changedProps(before, { ...before, semester: 'Genap' }, key)).toBe('all');
    expect(changedProps(before, { ...before, siswaId: 2 }, key)).toBe('all');
  });
});
