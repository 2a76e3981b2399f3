// What a prestasi record is (a RecordSpec): columns, derived fields, natural key, spreadsheet layout. RecordsEngine applies them; prestasi.service.ts and prestasi.controller.ts only wire it up.
import type { RecordSpec } from '../records/record-spec';
import { KEPT_BY_WALI_KELAS } from '../scope/teacher-scope';
import { ownedRecordBase, semesterInput, semesterValues } from '../records/siswa-owned';
import { SEMESTER_IMPORT_COLUMNS, SEMESTER_ROW_COLUMNS, TIMESTAMP_COLUMNS, SISWA_NUMBER_EXPORT_COLUMNS } from '../records/shared-columns';
import { CreatePrestasiDto } from './dto/create-prestasi.dto';
import { PRESTASI_LIST } from './dto/list-prestasi-query.dto';
import { type PrestasiResponseDto, toPrestasiResponse } from './dto/prestasi-response.dto';
import { Prestasi } from './prestasi.entity';

/** The prestasi rules the RecordsEngine applies (no derived fields: the category is observed). */
export const PRESTASI_RECORD: RecordSpec<Prestasi, CreatePrestasiDto, PrestasiResponseDto> = {
  ...ownedRecordBase(Prestasi, CreatePrestasiDto, { entityType: 'prestasi', list: PRESTASI_LIST, guruScope: KEPT_BY_WALI_KELAS }),
  toInput: (p) => ({
    ...semesterInput(p),
    kategori: p.kategori,
    catatan: p.catatan,
  }),
  prepare: (input) => ({
    values: {
      ...semesterValues(input),
      kategori: input.kategori,
      catatan: input.catatan ?? null,
    },
  }),
  toResponse: toPrestasiResponse,
  spreadsheet: {
    fileBase: 'Data_Prestasi',
    sheetName: 'Data Prestasi',
    exportColumns: [
      ...SEMESTER_ROW_COLUMNS,
      { header: 'Kategori', value: (r) => r.kategori, width: 10 },
      { header: 'Catatan', value: (r) => r.catatan, width: 40 },
      ...TIMESTAMP_COLUMNS,
      ...SISWA_NUMBER_EXPORT_COLUMNS,
    ],
    importColumns: [
      ...SEMESTER_IMPORT_COLUMNS,
      { header: 'Kategori', field: 'kategori', type: 'string', required: true },
      { header: 'Catatan', field: 'catatan', type: 'string', required: false },
    ],
  },
};
