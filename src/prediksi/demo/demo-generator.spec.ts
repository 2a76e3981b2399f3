import {
  demoPeriodsEndingOn,
  type DemoSchool, type KategoriPrestasi, attendancePercent, averageScore, createRng, demoCategories, generateDemoSchool,
  generateStudentHistory, latentForKey, periodsForTahunAjaran, semesterPeriods, totalIncome,
} from './demo-generator';
import { SUBJECT_FIELDS } from '../../nilai/nilai-subjects';

interface Row {
  rata: number;
  attendance: string;
  income: string;
  label: KategoriPrestasi;
}

/** One row per student-semester, the way training assembles them (API.md §6). */
function rows(school: DemoSchool): Row[] {
  return school.perStudent.flatMap((h) =>
    h.nilai.map((nilai, i) => ({
      rata: averageScore(nilai),
      attendance: demoCategories.attendanceCategory(attendancePercent(h.presensi[i])),
      income: demoCategories.incomeCategory(totalIncome(h.penghasilan)),
      label: h.prestasi[i].kategori,
    })),
  );
}

function shares<T extends string>(values: readonly T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1 / values.length;
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Training accuracy of the best two-threshold rule on rata_rata alone: a crude stand-in for C4.5. */
function bestThresholdAccuracy(data: readonly Row[]): number {
  let best = 0;
  for (let low = 60; low <= 90; low += 0.5) {
    for (let high = low; high <= 95; high += 0.5) {
      let correct = 0;
      for (const r of data) correct += Number((r.rata <= low ? 'Rendah' : r.rata <= high ? 'Sedang' : 'Tinggi') === r.label);
      best = Math.max(best, correct / data.length);
    }
  }
  return best;
}

const options = { seed: 20240717, students: 400, semesters: 4, startYear: 2023 };
const school = generateDemoSchool(options);

describe('generateDemoSchool', () => {
  it('is deterministic per seed', () => {
    expect(generateDemoSchool(options)).toEqual(school);
    expect(generateDemoSchool({ ...options, seed: options.seed + 1 })).not.toEqual(school);
  });

  it('creates one aligned history per student over consecutive semesters', () => {
    expect(school.siswa).toHaveLength(400);
    expect(school.perStudent).toHaveLength(400);
    const expected = [
      { semester: 'Ganjil', tahun_ajaran: '2023/2024' },
      { semester: 'Genap', tahun_ajaran: '2023/2024' },
      { semester: 'Ganjil', tahun_ajaran: '2024/2025' },
      { semester: 'Genap', tahun_ajaran: '2024/2025' },
    ];
    for (const h of school.perStudent) {
      for (const list of [h.nilai, h.presensi, h.prestasi]) {
        expect(list.map(({ semester, tahun_ajaran }) => ({ semester, tahun_ajaran }))).toEqual(expected);
      }
    }
  });

  it('produces plausible student records with unique NIS', () => {
    const nis = school.siswa.map((s) => s.nis);
    expect(new Set(nis).size).toBe(nis.length);
    for (const s of school.siswa) {
      expect(s.nis).toMatch(/^2023\d{4}$/);
      expect(s.nama).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
      expect(s.kelas).toMatch(/^(X|XI|XII) (IPA|IPS) [1-3]$/);
      expect(s.alamat).toMatch(/^Jl\. .+ No\. \d+, [A-Z]/);
      expect(s.tanggal_lahir).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const born = new Date(`${s.tanggal_lahir}T00:00:00Z`);
      expect(born.toISOString().slice(0, 10)).toBe(s.tanggal_lahir); // a real calendar date
      const ageAtLastYear = 2024 - born.getUTCFullYear();
      expect(ageAtLastYear).toBeGreaterThanOrEqual(15);
      expect(ageAtLastYear).toBeLessThanOrEqual(18);
    }
    expect(new Set(school.siswa.map((s) => s.jenis_kelamin))).toEqual(new Set(['L', 'P']));
    expect(new Set(school.siswa.map((s) => s.nama)).size).toBeGreaterThan(200);
  });

  it('keeps scores, attendance and income in range', () => {
    // Violations are collected rather than asserted one by one: 17,600 scores would make a slow test.
    const problems: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok) problems.push(what);
    };
    school.perStudent.forEach((h, i) => {
      for (const nilai of h.nilai) {
        for (const subject of SUBJECT_FIELDS) check(Number.isInteger(nilai[subject]) && nilai[subject] >= 0 && nilai[subject] <= 100, `${i} ${subject}=${nilai[subject]}`);
      }
      for (const p of h.presensi) {
        const counts = [p.jumlah_hadir, p.jumlah_sakit, p.jumlah_izin, p.jumlah_alpa];
        check(counts.every((c) => Number.isInteger(c) && c >= 0), `${i} counts ${counts.join(',')}`);
        const days = counts.reduce((sum, c) => sum + c, 0);
        check(days >= 100 && days <= 120, `${i} days=${days}`);
      }
      const pg = h.penghasilan;
      check(pg.penghasilan_ayah >= 0 && pg.penghasilan_ibu >= 0, `${i} income`);
      check(/^(SD|SMP|SMA\/SMK|D3|S1|S2)$/.test(pg.pendidikan_ayah) && /^(SD|SMP|SMA\/SMK|D3|S1|S2)$/.test(pg.pendidikan_ibu), `${i} pendidikan`);
      check((pg.penghasilan_ibu === 0) === (pg.pekerjaan_ibu === 'Ibu Rumah Tangga'), `${i} ibu job vs income`);
    });
    expect(problems).toEqual([]);
    expect(school.perStudent.some((h) => h.penghasilan.penghasilan_ibu === 0)).toBe(true);
    expect(school.perStudent.some((h) => h.penghasilan.penghasilan_ibu > 0)).toBe(true);
  });

  it('spreads income and attendance over all categories', () => {
    const data = rows(school);
    const income = shares(school.perStudent.map((h) => demoCategories.incomeCategory(totalIncome(h.penghasilan))));
    for (const c of ['Rendah', 'Menengah', 'Tinggi']) expect(income[c]).toBeGreaterThan(0.12);
    const attendance = shares(data.map((r) => r.attendance));
    expect(attendance.Tinggi).toBeGreaterThan(0.5);
    expect(attendance.Sedang).toBeGreaterThan(0.08);
    expect(attendance.Rendah).toBeGreaterThan(0.04);
  });

  it.each([1, 2, 3, 42])('balances the achievement classes (seed %i)', (seed) => {
    const labels = shares(rows(generateDemoSchool({ seed, students: 300, semesters: 2, startYear: 2024 })).map((r) => r.label));
    for (const c of ['Tinggi', 'Sedang', 'Rendah']) {
      expect(labels[c]).toBeGreaterThan(0.15);
      expect(labels[c]).toBeLessThan(0.55);
    }
  });

  it('makes achievement depend on grades, attendance and income, with noise', () => {
    const data = rows(school);
    const avg = (label: string): number => mean(data.filter((r) => r.label === label).map((r) => r.rata));
    expect(avg('Tinggi')).toBeGreaterThan(avg('Sedang') + 3);
    expect(avg('Sedang')).toBeGreaterThan(avg('Rendah') + 3);
    // Within the same grade band, poor attendance and low income lower the outcome.
    const band = data.filter((r) => r.rata >= 74 && r.rata < 82);
    const tinggiShare = (rs: Row[]): number => rs.filter((r) => r.label === 'Tinggi').length / rs.length;
    const rendahShare = (rs: Row[]): number => rs.filter((r) => r.label === 'Rendah').length / rs.length;
    expect(rendahShare(band.filter((r) => r.attendance === 'Rendah'))).toBeGreaterThan(rendahShare(band.filter((r) => r.attendance === 'Tinggi')) + 0.15);
    expect(tinggiShare(band.filter((r) => r.income === 'Tinggi'))).toBeGreaterThan(tinggiShare(band.filter((r) => r.income === 'Rendah')));
    // Learnable but not deterministic: a grade-only rule does far better than the majority class, yet is not perfect.
    const majority = Math.max(...Object.values(shares(data.map((r) => r.label))));
    const accuracy = bestThresholdAccuracy(data);
    expect(accuracy).toBeGreaterThan(majority + 0.3);
    expect(accuracy).toBeLessThan(0.95);
  });

  it('pads NIS wider for big schools and accepts empty ones', () => {
    const big = generateDemoSchool({ seed: 1, students: 12_000, semesters: 0, startYear: 2025 });
    expect(big.siswa[0].nis).toBe('202500001');
    expect(new Set(big.siswa.map((s) => s.nis)).size).toBe(12_000);
    expect(generateDemoSchool({ seed: 1, students: 0, semesters: 2, startYear: 2025 })).toEqual({ siswa: [], perStudent: [] });
    expect(() => generateDemoSchool({ seed: 1, students: -1, semesters: 2, startYear: 2025 })).toThrow(RangeError);
  });
});

describe('semester helpers', () => {
  it('alternates Ganjil and Genap, moving to the next year after Genap', () => {
    expect(semesterPeriods(2023, 3, 'Genap')).toEqual([
      { semester: 'Genap', tahun_ajaran: '2023/2024' },
      { semester: 'Ganjil', tahun_ajaran: '2024/2025' },
      { semester: 'Genap', tahun_ajaran: '2024/2025' },
    ]);
    expect(periodsForTahunAjaran('2025/2026')).toEqual(semesterPeriods(2025, 2));
    expect(() => periodsForTahunAjaran('2025/2027')).toThrow(RangeError);
    expect(() => periodsForTahunAjaran('2025')).toThrow(RangeError);
  });
});

describe('generateStudentHistory', () => {
  const periods = periodsForTahunAjaran('2024/2025');

  it('adds one semester pair for an existing student, deterministic for the same seed and key', () => {
    const student = { latent: latentForKey(17) };
    const a = generateStudentHistory(createRng(5), student, periods);
    expect(generateStudentHistory(createRng(5), { latent: latentForKey(17) }, periods)).toEqual(a);
    expect(a.nilai).toHaveLength(2);
    expect(a.presensi).toHaveLength(2);
    expect(a.prestasi.map((p) => `${p.semester} ${p.tahun_ajaran}`)).toEqual(['Ganjil 2024/2025', 'Genap 2024/2025']);
    expect(latentForKey(17)).toEqual(latentForKey('17'));
    expect(latentForKey(17)).not.toEqual(latentForKey(18));
  });

  it('keeps the stored income and fills the rest', () => {
    const stored = { penghasilan_ayah: 1_500_000, penghasilan_ibu: 0 };
    const h = generateStudentHistory(createRng(9), { penghasilan: stored }, periods);
    expect(h.penghasilan).toMatchObject(stored);
    expect(typeof h.penghasilan.pekerjaan_ayah).toBe('string');
  });

  it('lets ability show in the grades', () => {
    const avgFor = (ability: number): number => {
      const rng = createRng(3);
      const all = Array.from({ length: 50 }, () => generateStudentHistory(rng, { latent: { ability, diligence: 0, ses: 0 } }, periods));
      return mean(all.flatMap((h) => h.nilai.map(averageScore)));
    };
    expect(avgFor(1.5)).toBeGreaterThan(avgFor(-1.5) + 15);
  });
});

describe('demoPeriodsEndingOn: the demo school ends at the current semester', () => {
  it.each([
    ['2026-12-01', ['Genap 2024/2025', 'Ganjil 2025/2026', 'Genap 2025/2026', 'Ganjil 2026/2027']],
    ['2027-03-15', ['Ganjil 2025/2026', 'Genap 2025/2026', 'Ganjil 2026/2027', 'Genap 2026/2027']],
    ['2026-07-01', ['Genap 2024/2025', 'Ganjil 2025/2026', 'Genap 2025/2026', 'Ganjil 2026/2027']],
  ])('on %s', (today, expected) => {
    const { startYear, firstSemester } = demoPeriodsEndingOn(new Date(`${today}T05:00:00Z`), 4);
    const school = generateDemoSchool({ seed: 1, students: 2, semesters: 4, startYear, firstSemester });
    expect(school.perStudent[0]!.nilai.map((n) => `${n.semester} ${n.tahun_ajaran}`)).toEqual(expected);
  });
});
