/** The compiled row validator of uploads (src/common/http/validation-compiled.ts) against class-validator itself, on every upload DTO. Pure: no database. */
import type { Type } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, ValidateNested, validateSync, type ValidationError } from 'class-validator';
import fc from 'fast-check';
import { CreateNilaiDto } from '../src/nilai/dto/create-nilai.dto';
import { CreatePenghasilanDto } from '../src/penghasilan/dto/create-penghasilan.dto';
import { CreatePresensiDto } from '../src/presensi/dto/create-presensi.dto';
import { CreatePrestasiDto } from '../src/prestasi/dto/create-prestasi.dto';
import { CreateSiswaDto } from '../src/siswa/dto/create-siswa.dto';
import { UploadQueryDto } from '../src/common/spreadsheet/upload.dto';
import { compiledInputValidator, compileValidator } from '../src/common/http/validation-compiled';
import { compileFlatTransform } from '../src/common/http/validation-transform-compiled';
import { flattenValidationErrors } from '../src/common/http/validation';

/** A valid row of each upload DTO (as an upload hands it over), which the generator then spoils field by field. */
const SEMESTER_ROW = { siswa_id: 7, semester: 'Ganjil', tahun_ajaran: '2023/2024' };
const VALID_ROWS: Array<[Type<object>, Record<string, unknown>]> = [
  [CreateSiswaDto, { nis: '2023001', nama: 'Siti Aminah', kelas: 'XII IPA 3', jenis_kelamin: 'Perempuan', tanggal_lahir: '2008-01-15', alamat: 'Jl. Merdeka 1', nisn: '0012345678', status: 'aktif' }],
  [CreateNilaiDto, { ...SEMESTER_ROW, matematika: 85, bahasa_indonesia: 90.5, bahasa_inggris: 70, bahasa_jawa: 0, ipa: 100, agama: 88, pjok: 77, pkn: 66, sejarah: 55, seni: 44, dasar_kejuruan: 33 }],
  [CreatePresensiDto, { ...SEMESTER_ROW, jumlah_hadir: 100, jumlah_sakit: 2, jumlah_izin: 1, jumlah_alpa: 0 }],
  [CreatePrestasiDto, { ...SEMESTER_ROW, kategori: 'tinggi', catatan: 'Juara 2' }],
  [CreatePenghasilanDto, { siswa_id: 3, penghasilan_ayah: 3_000_000, penghasilan_ibu: 0, pekerjaan_ayah: 'Petani', pekerjaan_ibu: ' ', pendidikan_ayah: null }],
  [UploadQueryDto, { mode: 'upsert', dry_run: 'true' }],
];

/** Values that hit every branch: right and wrong types, bounds, blanks, lengths, non-finite numbers, objects. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '', ' ', 'L', 'p', ' laki-laki ', 'Perempuan', 'X', 'ab', '2023001', 'abc!1', '12345678901234567890', '123456789012345678901',
    '0012345678', '12345', 'aktif', 'LULUS', 'Ganjil', ' genap ', 'Semester', '2023/2024', '2023/2025', '1999/2000', '2100/2101',
    '2008-01-15', '2999-01-01', '2008-02-30', '2008-01-15T10:00:00Z', 'tinggi', 'Rendah', 'insert', 'upsert', 'true', 'false',
    'x'.repeat(20), 'x'.repeat(21), 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(501),
    0, 1, -1, 0.5, 85, 99.99, 100, 100.01, 366, 367, 1e12, 1e12 + 1, NaN, Infinity, -Infinity, null, undefined, true, false, {}, [], [1],
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

/** A valid row with up to four fields replaced, removed or added (an unknown key the whitelist strips). */
function rowOf(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(valid);
  const change = fc.tuple(fc.constantFrom(...fields, 'id', 'created_at', 'extra'), fc.option(anyValue, { nil: undefined }), fc.boolean());
  return fc.array(change, { maxLength: 4 }).map((changes) => {
    const row: Record<string, unknown> = { ...valid };
    for (const [field, value, remove] of changes) {
      if (remove) delete row[field];
      else row[field] = value;
    }
    return row;
  });
}

/** What the ValidationErrors say, without the target object (compared separately). */
function described(errors: ValidationError[]): unknown[] {
  return errors.map((e) => ({ property: e.property, value: e.value, constraints: e.constraints, children: e.children }));
}

const reference = (dto: Type<object>, plain: object): { instance: object; errors: ValidationError[] } => {
  const instance = plainToInstance(dto, plain);
  return { instance, errors: validateSync(instance, { whitelist: true, forbidUnknownValues: false }) };
};

describe('compileValidator', () => {
  it.each(VALID_ROWS)('%p: agrees exactly with class-validator on valid and spoiled rows', (dto, valid) => {
    const compiled = compileValidator(dto)!;
    expect(compiled).toBeDefined();
    let failures = 0;
    fc.assert(
      fc.property(rowOf(valid), (plain) => {
        const expected = reference(dto, plain);
        const instance = plainToInstance(dto, plain);
        const errors = compiled(instance);
        if (errors.length > 0) failures += 1;
        expect(described(errors)).toEqual(described(expected.errors));
        for (const e of errors) expect(e.target).toBe(instance);
        expect(flattenValidationErrors(errors)).toEqual(flattenValidationErrors(expected.errors));
        // Whitelisting: the same properties are left, with the same values, on an instance of the class.
        expect(instance).toEqual(expected.instance);
        expect(Object.keys(instance)).toEqual(Object.keys(expected.instance));
      }),
      { numRuns: 1500, seed: 20261202 },
    );
    // Both sides were exercised: some rows fail, some pass.
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(1500);
  });

  it('passes the valid row of each DTO', () => {
    for (const [dto, valid] of VALID_ROWS) expect(compileValidator(dto)!(plainToInstance(dto, { ...valid }))).toEqual([]);
  });

  it('leaves a DTO with a rule it does not compile to class-validator', () => {
    class Child {
      @IsInt() n!: number;
    }
    class Parent {
      @ValidateNested() child!: Child;
    }
    expect(compileValidator(Parent)).toBeUndefined();
    expect(compiledInputValidator(Parent)).toBeUndefined();
  });
});

describe('compileFlatTransform', () => {
  it.each(VALID_ROWS)('%p: builds the same instance as plainToInstance', (dto, valid) => {
    const transform = compileFlatTransform(dto);
    fc.assert(
      fc.property(rowOf(valid), (plain) => {
        const expected = plainToInstance(dto, { ...plain });
        const actual = transform({ ...plain });
        expect(actual).toBeInstanceOf(dto);
        expect(actual).toEqual(expected);
        expect(Object.keys(actual)).toEqual(Object.keys(expected));
        // Primitives exactly (0 and -0 differ for Object.is); objects went through plainToInstance on both sides.
        for (const [key, value] of Object.entries(expected)) {
          if (value === null || typeof value !== 'object') expect(Object.is((actual as Record<string, unknown>)[key], value)).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 20261202 },
    );
  });

  it('skips keys naming a getter or a method of the class, as plainToInstance does', () => {
    class WithAccessors {
      @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
      code?: string;
      get label(): string {
        return 'label';
      }
      describe(): string {
        return 'row';
      }
    }
    const plain = { code: 'ab', label: 'x', describe: 'y', other: 2 };
    const actual = compileFlatTransform(WithAccessors)({ ...plain });
    expect(actual).toEqual(plainToInstance(WithAccessors, { ...plain }));
    expect(Object.keys(actual)).toEqual(Object.keys(plainToInstance(WithAccessors, { ...plain })));
    expect(actual.label).toBe('label');
  });

  it('applies the transforms (trim, canonical spellings) and keeps the row it was given', () => {
    const plain = { nis: ' 2023001 ', jenis_kelamin: 'laki-laki', extra: 1 };
    const instance = compileFlatTransform(CreateSiswaDto)(plain);
    expect(instance).toMatchObject({ nis: '2023001', jenis_kelamin: 'L', extra: 1 });
    expect(plain.nis).toBe(' 2023001 ');
  });
});

describe('compiledInputValidator', () => {
  it('answers the instance, or the flattened errors with the catalogue messages', () => {
    const validate = compiledInputValidator(CreateSiswaDto)!;
    const ok = validate({ nis: '2023001', nama: ' Siti ', kelas: 'X 1', jenis_kelamin: 'l', tanggal_lahir: '2008-01-15', id: 9 });
    expect(ok).toEqual({ input: expect.any(CreateSiswaDto) });
    expect((ok as { input: CreateSiswaDto }).input).toEqual({ nis: '2023001', nama: 'Siti', kelas: 'X 1', jenis_kelamin: 'L', tanggal_lahir: '2008-01-15' });
    const bad = validate({ nis: 'ab', nama: 'S', kelas: 'X 1', jenis_kelamin: 'L', tanggal_lahir: '2008-01-15' });
    expect(bad).toEqual({
      errors: [
        { field: 'nis', message: expect.objectContaining({ ns: 'validation', key: expect.stringMatching(/matches$/) }) },
        { field: 'nama', message: expect.objectContaining({ ns: 'validation', key: 'isLength', params: { field: 'nama', 0: 2, 1: 100 } }) },
      ],
    });
    expect(compiledInputValidator(CreateSiswaDto)).toBe(validate);
  });
});
