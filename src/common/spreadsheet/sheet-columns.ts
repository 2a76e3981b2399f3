/** A cell value as written to Excel or CSV. */
export type CellValue = string | number | null;

/** One exported column: its header (exact text of API.md) and how a response row fills it. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  width?: number;
}

export type ImportType = 'string' | 'number' | 'integer' | 'date';

/** One uploaded column: the header it is read from and the request field it fills. */
export interface ImportColumn {
  header: string;
  field: string;
  type: ImportType;
  /** The file must have this column (otherwise 422 naming it); values are validated per row. */
  required: boolean;
  /**
   * Columns sharing a group name are alternatives: the file must have at least one of them (otherwise
   * 422 naming them all, e.g. `Siswa ID / NIS / NISN`).
   */
  oneOf?: string;
}

export interface SpreadsheetSpec<T> {
  /** File name without extension, e.g. `Data_Siswa`. */
  fileBase: string;
  sheetName: string;
  exportColumns: ReadonlyArray<ExportColumn<T>>;
  importColumns: readonly ImportColumn[];
}

export type ExportFormat = 'xlsx' | 'csv';

/** Headers compare by letters and digits only, case-insensitively (`Tanggal Lahir` = `tanggal_lahir`). */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `jumlah_hadir` → `Jumlah Hadir`: a column named after its field has the field's words, capitalised, as header. */
export function headerOf(field: string): string {
  return field
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Export columns that show a field as it is, each headed by headerOf(field). */
export function fieldColumns<T>(fields: ReadonlyArray<keyof T & string>, width?: number): Array<ExportColumn<T>> {
  return fields.map((field) => ({ header: headerOf(field), value: (row: T) => row[field] as CellValue, ...(width ? { width } : {}) }));
}

/** Import columns of fields of one type, each read from the header headerOf(field). */
export function fieldImports(fields: readonly string[], type: ImportType, required: boolean): ImportColumn[] {
  return fields.map((field) => ({ header: headerOf(field), field, type, required }));
}
