import { PASSWORD_POLICY_MESSAGES as M, passwordProblem } from './password-policy';
import { normalizeUsername } from './username';

describe('passwordProblem (NIST SP 800-63B)', () => {
  it('refuses common passwords whatever their case, and blank ones', () => {
    expect(passwordProblem('password1', 'budi')).toBe(M.common);
    expect(passwordProblem('Qwertyuiop', 'budi')).toBe(M.common);
    expect(passwordProblem('         ', 'budi')).toBe(M.whitespace);
  });

  it('refuses the username and passwords containing it, compared normalized', () => {
    expect(passwordProblem('Pak_Budi', 'pak_budi')).toBe(M.equalsUsername);
    expect(passwordProblem('admin-password-1', 'admin')).toBe(M.containsUsername);
    expect(passwordProblem('ｐａｋ_ｂｕｄｉ-2024!', 'Pak_Budi')).toBe(M.containsUsername);
  });

  it('accepts the passwords the tests, the demo and the docs use', () => {
    for (const [password, username] of [
      ['sekolah-test-kunci-1', 'admin'],
      ['guru-password-1', 'guru_test'],
      ['fault-root-password-1', 'admin'],
      ['bench-root-password-1', 'admin'],
      ['kunci-sekolah-2024', 'admin'],
      ['brand-new-pass', 'pw_user'],
    ]) {
      expect(passwordProblem(password, username)).toBeUndefined();
    }
  });
});

describe('normalizeUsername', () => {
  it('folds compatibility forms and case, and is stable', () => {
    expect(normalizeUsername('ＶＩ_Ｘ')).toBe('vi_x');
    expect(normalizeUsername('Admin')).toBe('admin');
    // U+0130 lower-cases to i + combining dot, not to a plain i (PostgreSQL's glibc lower() differs).
    expect(normalizeUsername('vİ_x')).not.toBe('vi_x');
    for (const s of ['vİ_x', 'ＶＩ_Ｘ', 'ǅemal', 'ﬁle', 'Straße']) expect(normalizeUsername(normalizeUsername(s))).toBe(normalizeUsername(s));
  });
});
