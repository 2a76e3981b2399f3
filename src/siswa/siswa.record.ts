// What a siswa record is (a RecordSpec): columns, derived fields, natural key, spreadsheet layout. RecordsEngine applies them; siswa.service.ts and siswa.controller.ts only wire it up.
import { HttpStatus } from '@nestjs/common';
import { schoolToday, toSchoolDate } from '../common/dates/school-date';
import { msg } from '../i18n/catalogue';
import type { RecordSpec } from '../records/record-spec';
import { RECORD_ERRORS } from '../records/records.errors';
import { ID_COLUMN, TIMESTAMP_COLUMNS } from '../records/shared-columns';
import { CreateSiswaDto } from './dto/create-siswa.dto';
import { SISWA_SORT, type ListSiswaQueryDto } from './dto/list-siswa-query.dto';
import { type SiswaResponseDto, toSiswaResponse } from './dto/siswa-response.dto';
import { Siswa } from './siswa.entity';
import { statusFilter } from './siswa-status';

/**
 * Spreadsheet layout of API.md §3. Jenis Kelamin is exported as the API answers it (Laki-laki /
 * Perempuan, what a reader of the sheet expects); uploads accept the labels and L/P, so an exported
 * file uploads back unchanged. Tanggal Lahir is a YYYY-MM-DD text cell so no spreadsheet reinterprets it.
 */
const SPREADSHEET: RecordSpec<Siswa, CreateSiswaDto, SiswaResponseDto>['spreadsheet'] = {
  fileBase: 'Data_Siswa',
  sheetName: 'Data Siswa',
  exportColumns: [
    ID_COLUMN,
    { header: 'Nama', value: (r) => r.nama, width: 28 },
    { header: 'NIS', value: (r) => r.nis, width: 14 },
    { header: 'Jenis Kelamin', value: (r) => r.jenis_kelamin, width: 14 },
    { header: 'Kelas', value: (r) => r.kelas, width: 12 },
    { header: 'Tanggal Lahir', value: (r) => r.tanggal_lahir, width: 14 },
    { header: 'Alamat', value: (r) => r.alamat, width: 36 },
    ...TIMESTAMP_COLUMNS,
  ],
  importColumns: [
    { header: 'Nama', field: 'nama', type: 'string', required: true },
    { header: 'NIS', field: 'nis', type: 'string', required: true },
    {
      header: 'Jenis Kelamin',
      field: 'jenis_kelamin',
      type: 'string',
      required: true,
    },
    { header: 'Kelas', field: 'kelas', type: 'string', required: true },
    {
      header: 'Tanggal Lahir',
      field: 'tanggal_lahir',
      type: 'date',
      required: true,
    },
    { header: 'Alamat', field: 'alamat', type: 'string', required: false },
  ],
};

/** The siswa rules the RecordsEngine applies; `timeZone` is the school's (config SCHOOL_TIMEZONE). */
export function siswaRecordSpec(timeZone: string): RecordSpec<Siswa, CreateSiswaDto, SiswaResponseDto> {
  return {
    entity: Siswa,
    entityType: 'siswa',
    notFoundCode: RECORD_ERRORS.SISWA_NOT_FOUND,
    constraints: {
      uq_siswa_nis: {
        status: HttpStatus.CONFLICT,
        code: RECORD_ERRORS.NIS_DUPLICATE,
        field: 'nis',
      },
      uq_siswa_nisn: { status: HttpStatus.CONFLICT, code: RECORD_ERRORS.NISN_DUPLICATE, field: 'nisn' },
    },
    list: {
      sortable: SISWA_SORT,
      searchable: ['r.nama', 'r.nis', 'r.kelas'],
      idExpression: 'r.id',
    },
    applyFilters(qb, query) {
      const q = query as ListSiswaQueryDto;
      if (q.kelas) qb.andWhere('r.kelas = :kelas', { kelas: q.kelas });
      if (q.jenis_kelamin) qb.andWhere('r.jenisKelamin = :jk', { jk: q.jenis_kelamin });
      const status = statusFilter(q.status);
      if (status) qb.andWhere('r.status = :status', { status });
    },
    createDto: CreateSiswaDto,
    // A guru reads the students of their classes and writes none (the role table keeps siswa from guru).
    guruScope: { siswaColumn: 'r.id', read: 'kelas', write: { by: 'none' } },
    toInput: (s) => ({
      nis: s.nis,
      nama: s.nama,
      kelas: s.kelas,
      jenis_kelamin: s.jenisKelamin,
      tanggal_lahir: s.tanggalLahir,
      alamat: s.alamat,
      status: s.status,
      nisn: s.nisn,
    }),
    prepare(input) {
      const tanggalLahir = toSchoolDate(input.tanggal_lahir, timeZone);
      if (!tanggalLahir)
        return {
          errors: [
            {
              field: 'tanggal_lahir',
              message: msg('TANGGAL_LAHIR_INVALID'),
            },
          ],
        };
      if (tanggalLahir >= schoolToday(timeZone))
        return {
          errors: [
            {
              field: 'tanggal_lahir',
              message: msg('TANGGAL_LAHIR_NOT_PAST'),
            },
          ],
        };
      if (tanggalLahir < '1900-01-01')
        return {
          errors: [
            {
              field: 'tanggal_lahir',
              message: msg('TANGGAL_LAHIR_TOO_EARLY'),
            },
          ],
        };
      return {
        values: {
          nis: input.nis,
          nama: input.nama,
          kelas: input.kelas,
          jenisKelamin: input.jenis_kelamin,
          tanggalLahir,
          alamat: input.alamat || null,
          // Only when sent: an upload row or a client body without them keeps the stored values.
          ...(input.status !== undefined ? { status: input.status } : {}),
          ...(input.nisn !== undefined ? { nisn: input.nisn || null } : {}),
        },
      };
    },
    naturalKey: ['nis'],
    naturalKeyField: 'nis',
    toResponse: (s) => toSiswaResponse(s),
    spreadsheet: SPREADSHEET,
  };
}
