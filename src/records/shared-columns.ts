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

export const SISWA_ID_IMPORT: ImportColumn = {
  header: 'Siswa ID',
  field: 'siswa_id',
  type: 'integer',
  required: true,
};

export const SEMESTER_IMPORT_COLUMNS: readonly ImportColumn[] = [
  SISWA_ID_IMPORT,
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
