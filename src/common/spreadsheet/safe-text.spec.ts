import { neutralizeCsvText, safeFileName, textProblem, unneutralizeCsvText } from './safe-text';

describe('safe-text', () => {
  it.each(['=1+1', '+62', '-', '-5', '@x', '\tx', '\rx', "'=x", "''+x", "'plain", 'plain', "'", ''])(
    'CSV text %j round-trips through neutralize → unneutralize',
    (text) => {
      expect(unneutralizeCsvText(neutralizeCsvText(text))).toBe(text);
    },
  );

  it('neutralizes only text that would start a formula', () => {
    expect(neutralizeCsvText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(neutralizeCsvText("'=SUM(A1)")).toBe("''=SUM(A1)");
    expect(neutralizeCsvText("'quoted")).toBe("'quoted");
    expect(neutralizeCsvText('Jl. Merdeka -1')).toBe('Jl. Merdeka -1');
  });

  it('names what is wrong with text that cannot be stored', () => {
    expect(textProblem('Ani\u0000')).toMatch(/NUL/);
    expect(textProblem('x\uD800y')).toMatch(/SURROGATE/);
    expect(textProblem('x\uDC00')).toMatch(/SURROGATE/);
    expect(textProblem('bad \uFFFD')).toMatch(/UTF8/);
    expect(textProblem('Élodie 😀 Ñoño')).toBeUndefined();
  });

  it('reduces file names to a safe, short form that keeps the extension', () => {
    expect(safeFileName('C:\\Users\\guru\\Data Siswa.xlsx')).toBe('Data Siswa.xlsx');
    expect(safeFileName('../<b>"x".csv')).toBe('_b_x_.csv');
    expect(safeFileName('')).toBe('upload');
    const long = safeFileName(`${'a'.repeat(200)}.xlsx`);
    expect(long).toHaveLength(60);
    expect(long.endsWith('….xlsx')).toBe(true);
  });
});
