import type { ExportColumn, ImportColumn } from '../common/spreadsheet/sheet-columns';

interface Stamped {
  id: number;
  created_at: string;
  updated_at: string;
}

interface SemesterRow {
  siswa_id: number;
  nama_siswa: string;
  semester: string;
  tahun_ajaran: string;
}

/** Every export starts with the row id… */
export const ID_COLUMN: ExportColumn<Stamped> = {
  header: 'ID',
  value: (r) => r.id,
  width: 8,
};

/** …and ends with when it was created and last changed (read-only: uploads ignore them). */
export const TIMESTAMP_COLUMNS: ReadonlyArray<ExportColumn<Stamped>> = [
  { header: 'Dibuat', value: (r) => r.created_at, width: 26 },
  { header: 'Diperbarui', value: (r) => r.updated_at, width: 26 },
];

/** The student columns of rows that belong to a student; the name is informative, the id decides. */
export const SISWA_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Pick<SemesterRow, 'siswa_id' | 'nama_siswa'>>> = [
  { header: 'Siswa ID', value: (r) => r.siswa_id, width: 10 },
  { header: 'Nama Siswa', value: (r) => r.nama_siswa, width: 28 },
];

export const SEMESTER_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Pick<SemesterRow, 'semester' | 'tahun_ajaran'>>> = [
  { header: 'Semester', value: (r) => r.semester, width: 10 },
  { header: 'Tahun Ajaran', value: (r) => r.tahun_ajaran, width: 13 },
];

/** The student's school numbers: not in the API's rows, RecordsEngine.exportFile adds them to exported ones. */
export interface SiswaNumbers {
  nis?: string;
  nisn?: string | null;
}

/** The student's NIS and NISN, after the existing columns (their order is the client's), so an export uploads back by any of them. */
export const SISWA_NUMBER_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<Pick<SemesterRow, 'siswa_id'> & SiswaNumbers>> = [
  { header: 'NIS', value: (r) => r.nis ?? null, width: 14 },
  { header: 'NISN', value: (r) => r.nisn ?? null, width: 14 },
];

/**
 * An upload row names its student by database id, NIS or NISN (any one, or several that agree;
 * src/records/upload/student-numbers.ts resolves them): the file must have at least one of the columns.
 */
export const SISWA_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: 'Siswa ID', field: 'siswa_id', type: 'integer', required: false, oneOf: 'siswa' },
  { header: 'NIS', field: 'nis', type: 'string', required: false, oneOf: 'siswa' },
  { header: 'NISN', field: 'nisn', type: 'string', required: false, oneOf: 'siswa' },
];

export const SEMESTER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  ...SISWA_IMPORT_COLUMNS,
  { header: 'Semester', field: 'semester', type: 'string', required: true },
  {
    header: 'Tahun Ajaran',
    field: 'tahun_ajaran',
    type: 'string',
    required: true,
  },
];

/** The leading columns of every per-semester export: ID, Siswa ID, Nama Siswa, Semester, Tahun Ajaran. */
export const SEMESTER_ROW_COLUMNS: ReadonlyArray<ExportColumn<Stamped & SemesterRow>> = [
  ID_COLUMN,
  ...SISWA_EXPORT_COLUMNS,
  ...SEMESTER_EXPORT_COLUMNS,
];
