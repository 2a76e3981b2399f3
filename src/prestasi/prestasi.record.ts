import type { RecordSpec } from '../common/records/record-spec';
import {
  OWNED_SEARCH,
  ownedConstraints,
  SEMESTER_NATURAL_KEY,
  semesterInput,
  semesterValues,
  applySemesterFilters,
} from '../common/records/siswa-owned';
import {
  ID_COLUMN,
  SEMESTER_EXPORT_COLUMNS,
  SEMESTER_IMPORT_COLUMNS,
  SISWA_EXPORT_COLUMNS,
  TIMESTAMP_COLUMNS,
} from '../common/records/shared-columns';
import { Siswa } from '../siswa/siswa.entity';
import { CreatePrestasiDto } from './dto/create-prestasi.dto';
import { type ListPrestasiQueryDto, PRESTASI_SORT } from './dto/list-prestasi-query.dto';
import { type PrestasiResponseDto, toPrestasiResponse } from './dto/prestasi-response.dto';
import { Prestasi } from './prestasi.entity';

/** The prestasi rules the RecordsEngine applies (no derived fields: the category is observed). */
export const PRESTASI_RECORD: RecordSpec<Prestasi, CreatePrestasiDto, PrestasiResponseDto> = {
  entity: Prestasi,
  entityType: 'prestasi',
  notFoundCode: 'PRESTASI_NOT_FOUND',
  constraints: ownedConstraints(
    'prestasi',
    'uq_prestasi_siswa_semester',
    'PRESTASI_DUPLICATE',
    'This student already has an achievement for that semester and school year',
  ),
  owner: { entity: Siswa },
  list: {
    sortable: PRESTASI_SORT,
    searchable: OWNED_SEARCH,
    idExpression: 'r.id',
  },
  applyFilters(qb, query) {
    const q = query as ListPrestasiQueryDto;
    applySemesterFilters(qb, q);
    if (q.kategori) qb.andWhere('r.kategori = :kategori', { kategori: q.kategori });
  },
  createDto: CreatePrestasiDto,
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
  naturalKey: SEMESTER_NATURAL_KEY,
  naturalKeyField: 'siswa_id',
  toResponse: toPrestasiResponse,
  spreadsheet: {
    fileBase: 'Data_Prestasi',
    sheetName: 'Data Prestasi',
    exportColumns: [
      ID_COLUMN,
      ...SISWA_EXPORT_COLUMNS,
      ...SEMESTER_EXPORT_COLUMNS,
      { header: 'Kategori', value: (r) => r.kategori, width: 10 },
      { header: 'Catatan', value: (r) => r.catatan, width: 40 },
      ...TIMESTAMP_COLUMNS,
    ],
    importColumns: [
      ...SEMESTER_IMPORT_COLUMNS,
      { header: 'Kategori', field: 'kategori', type: 'string', required: true },
      { header: 'Catatan', field: 'catatan', type: 'string', required: false },
    ],
  },
};
