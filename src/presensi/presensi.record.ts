// What a presensi record is (a RecordSpec): columns, derived fields, natural key, spreadsheet layout. RecordsEngine applies them; presensi.service.ts and presensi.controller.ts only wire it up.
import {
  attendanceBands,
  type AttendanceThresholds,
  kategoriKehadiran,
  persentaseKehadiran,
  totalHariPresensi,
} from '../common/derived/derived';
import { msg } from '../i18n/catalogue';
import type { RecordSpec } from '../records/record-spec';
import { KEPT_BY_WALI_KELAS } from '../scope/teacher-scope';
import type { CategoryColumn } from '../records/threshold-recompute';
import { ownedRecordBase, semesterInput, semesterValues } from '../records/siswa-owned';
import { fieldColumns, fieldImports } from '../common/spreadsheet/sheet-columns';
import { SEMESTER_IMPORT_COLUMNS, SEMESTER_ROW_COLUMNS, TIMESTAMP_COLUMNS, SISWA_NUMBER_EXPORT_COLUMNS } from '../records/shared-columns';
import { CreatePresensiDto } from './dto/create-presensi.dto';
import { PRESENSI_LIST } from './dto/list-presensi-query.dto';
import { type PresensiResponseDto, toPresensiResponse } from './dto/presensi-response.dto';
import { Presensi } from './presensi.entity';

/** The four day counts, in the order of the file's columns. */
const DAY_FIELDS = ['jumlah_hadir', 'jumlah_sakit', 'jumlah_izin', 'jumlah_alpa'] as const;

/** The presensi rules: percentage and category derived on every write, with the configured thresholds. */
export function presensiRecordSpec(thresholds: AttendanceThresholds): RecordSpec<Presensi, CreatePresensiDto, PresensiResponseDto> {
  return {
    ...ownedRecordBase(Presensi, CreatePresensiDto, { entityType: 'presensi', list: PRESENSI_LIST, guruScope: KEPT_BY_WALI_KELAS }),
    toInput: (p) => ({
      ...semesterInput(p),
      jumlah_hadir: p.jumlahHadir,
      jumlah_sakit: p.jumlahSakit,
      jumlah_izin: p.jumlahIzin,
      jumlah_alpa: p.jumlahAlpa,
    }),
    prepare(input) {
      if (totalHariPresensi(input) <= 0) {
        return {
          errors: [
            {
              field: 'jumlah_hadir',
              message: msg('PRESENSI_DAYS_EMPTY'),
            },
          ],
        };
      }
      const persentase = persentaseKehadiran(input);
      return {
        values: {
          ...semesterValues(input),
          jumlahHadir: input.jumlah_hadir,
          jumlahSakit: input.jumlah_sakit,
          jumlahIzin: input.jumlah_izin,
          jumlahAlpa: input.jumlah_alpa,
          persentaseKehadiran: persentase,
          kategoriKehadiran: kategoriKehadiran(persentase, thresholds),
        },
      };
    },
    toResponse: toPresensiResponse,
    spreadsheet: {
      fileBase: 'Data_Presensi',
      sheetName: 'Data Presensi',
      exportColumns: [
        ...SEMESTER_ROW_COLUMNS,
        ...fieldColumns<PresensiResponseDto>([...DAY_FIELDS, 'persentase_kehadiran', 'kategori_kehadiran']),
        ...TIMESTAMP_COLUMNS,
        ...SISWA_NUMBER_EXPORT_COLUMNS,
      ],
      importColumns: [...SEMESTER_IMPORT_COLUMNS, ...fieldImports(DAY_FIELDS, 'integer', true)],
    },
  };
}

/** The stored kategori_kehadiran re-derived at start-up when the configured thresholds change (CategorizedRecordsEngine). */
export function presensiCategoryColumn(t: AttendanceThresholds): CategoryColumn {
  return {
    settingKey: 'thresholds.kehadiran',
    table: 'presensi',
    source: 'persentase_kehadiran',
    target: 'kategori_kehadiran',
    ...attendanceBands(t),
  };
}
