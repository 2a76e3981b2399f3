import { fieldColumns, fieldImports, headerOf } from './sheet-columns';

describe('columns named after their fields', () => {
  it('capitalise each word of the field for the header', () => {
    expect(headerOf('jumlah_hadir')).toBe('Jumlah Hadir');
    expect(headerOf('kategori')).toBe('Kategori');
  });

  it('export the field as it is, with a width only when one is given', () => {
    const [hadir] = fieldColumns<{ jumlah_hadir: number }>(['jumlah_hadir']);
    expect(hadir).toEqual({ header: 'Jumlah Hadir', value: expect.any(Function) });
    expect(hadir.value({ jumlah_hadir: 7 })).toBe(7);
    expect(fieldColumns<{ total: number }>(['total'], 16)[0]).toMatchObject({ header: 'Total', width: 16 });
  });

  it('import under the same header', () => {
    expect(fieldImports(['pekerjaan_ibu'], 'string', false)).toEqual([{ header: 'Pekerjaan Ibu', field: 'pekerjaan_ibu', type: 'string', required: false }]);
  });
});
