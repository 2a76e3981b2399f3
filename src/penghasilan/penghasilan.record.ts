// What a penghasilan record is (a RecordSpec): columns, derived fields, natural key, spreadsheet layout. RecordsEngine applies them; penghasilan.service.ts and penghasilan.controller.ts only wire it up.
import { incomeBands, type IncomeThresholds, kategoriPenghasilan, totalPenghasilan } from '../common/derived/derived';
import type { RecordSpec } from '../records/record-spec';
import type { CategoryColumn } from '../records/threshold-recompute';
import { ownedRecordBase } from '../records/siswa-owned';
import {
  ID_COLUMN,
  SISWA_EXPORT_COLUMNS,
  SISWA_IMPORT_COLUMNS,
  TIMESTAMP_COLUMNS,
  SISWA_NUMBER_EXPORT_COLUMNS,
} from '../records/shared-columns';
import { fieldColumns, fieldImports } from '../common/spreadsheet/sheet-columns';
import { CreatePenghasilanDto } from './dto/create-penghasilan.dto';
import { PENGHASILAN_LIST } from './dto/list-penghasilan-query.dto';
import { penghasilanFields, type PenghasilanResponseDto, toPenghasilanResponse } from './dto/penghasilan-response.dto';
import { PenghasilanOrangTua } from './penghasilan.entity';

/** The parents' monthly incomes (required) and their work and schooling (optional), in the file's column order. */
const INCOME_FIELDS = ['penghasilan_ayah', 'penghasilan_ibu'] as const;
const PARENT_TEXT_FIELDS = ['pekerjaan_ayah', 'pekerjaan_ibu', 'pendidikan_ayah', 'pendidikan_ibu'] as const;

/** The penghasilan rules: total and category derived on every write, with the configured thresholds. */
export function penghasilanRecordSpec(
  thresholds: IncomeThresholds,
): RecordSpec<PenghasilanOrangTua, CreatePenghasilanDto, PenghasilanResponseDto> {
  return {
    ...ownedRecordBase(PenghasilanOrangTua, CreatePenghasilanDto, {
      entityType: 'penghasilan',
      list: PENGHASILAN_LIST,
      // Family income is personal data (UU PDP 27/2022): only the wali kelas reads it; guru never write it.
      guruScope: { read: 'wali', write: { by: 'none' } },
    }),
    toInput: (p) => ({
      siswa_id: p.siswaId,
      ...penghasilanFields(p),
    }),
    prepare(input) {
      const total = totalPenghasilan(input.penghasilan_ayah, input.penghasilan_ibu);
      return {
        values: {
          siswaId: input.siswa_id,
          penghasilanAyah: input.penghasilan_ayah,
          penghasilanIbu: input.penghasilan_ibu,
          pekerjaanAyah: input.pekerjaan_ayah ?? null,
          pekerjaanIbu: input.pekerjaan_ibu ?? null,
          pendidikanAyah: input.pendidikan_ayah ?? null,
          pendidikanIbu: input.pendidikan_ibu ?? null,
          totalPenghasilan: total,
          kategoriPenghasilan: kategoriPenghasilan(total, thresholds),
        },
      };
    },
    toResponse: toPenghasilanResponse,
    spreadsheet: {
      fileBase: 'Data_Penghasilan_Orang_Tua',
      sheetName: 'Data Penghasilan Orang Tua',
      exportColumns: [
        ID_COLUMN,
        ...SISWA_EXPORT_COLUMNS,
        ...fieldColumns<PenghasilanResponseDto>(INCOME_FIELDS, 16),
        ...fieldColumns<PenghasilanResponseDto>(PARENT_TEXT_FIELDS),
        ...fieldColumns<PenghasilanResponseDto>(['total_penghasilan'], 16),
        ...fieldColumns<PenghasilanResponseDto>(['kategori_penghasilan']),
        ...TIMESTAMP_COLUMNS,
        ...SISWA_NUMBER_EXPORT_COLUMNS,
      ],
      importColumns: [
        ...SISWA_IMPORT_COLUMNS,
        ...fieldImports(INCOME_FIELDS, 'integer', true),
        ...fieldImports(PARENT_TEXT_FIELDS, 'string', false),
      ],
    },
  };
}

/** The stored kategori_penghasilan re-derived at start-up when the configured thresholds change (CategorizedRecordsEngine). */
export function penghasilanCategoryColumn(t: IncomeThresholds): CategoryColumn {
  const stored = { table: 'penghasilan_orang_tua', source: 'total_penghasilan', target: 'kategori_penghasilan' };
  return { settingKey: 'thresholds.penghasilan', ...stored, ...incomeBands(t) };
}
