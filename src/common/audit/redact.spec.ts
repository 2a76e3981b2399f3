import { REDACTED, redact } from './redact';

describe('redact', () => {
  it('replaces secrets and incomes at any depth, keeps the rest', () => {
    const input = {
      username: 'budi',
      password: 'hunter22',
      nested: { refresh_token: 'r', Access_Token: 'a', list: [{ token: 't', ok: 1 }] },
      penghasilan_ayah: 3_000_000,
      penghasilan_ibu: 1_000_000,
      total_penghasilan: 4_000_000,
      kategori_penghasilan: 'Menengah',
      at: new Date('2024-01-02T03:04:05.000Z'),
    };
    expect(redact(input)).toEqual({
      username: 'budi',
      password: REDACTED,
      nested: { refresh_token: REDACTED, Access_Token: REDACTED, list: [{ token: REDACTED, ok: 1 }] },
      penghasilan_ayah: REDACTED,
      penghasilan_ibu: REDACTED,
      total_penghasilan: REDACTED,
      kategori_penghasilan: 'Menengah',
      at: '2024-01-02T03:04:05.000Z',
    });
    expect(input.password).toBe('hunter22'); // a copy, never the caller's object
  });

  it('passes primitives and null through', () => {
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeNull();
    expect(redact(5)).toBe(5);
  });
});
