import type { DataSource, ObjectLiteral } from 'typeorm';
import type { Type } from '@nestjs/common';
import type { FieldError } from '../../common/http/problem';
import type { ParsedRow } from '../../common/spreadsheet/upload-parse';
import { msg } from '../../i18n/catalogue';

/** A NISN is ten digits; spreadsheets drop the leading zeros of one typed as a number. */
function normalizeNisn(value: string): string {
  return /^\d{1,9}$/.test(value) ? value.padStart(10, '0') : value;
}

const text = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : String(value));

/**
 * Upload rows may name their student by `Siswa ID`, `NIS` or `NISN` (SISWA_IMPORT_COLUMNS). This
 * turns NIS and NISN into `siswa_id`, for one batch of rows with one query. No column outranks
 * another: when a row gives several, they must all name the same student, otherwise the row is an
 * error naming the columns. An unknown NIS or NISN is a row error (the upload writes nothing). A
 * `Siswa ID` alone is left as it is (its own checks report a bad or unknown id); a row with none of
 * the three is an error saying so. Rows with errors
 * are returned with `errors` set, like rows whose cells could not be read.
 */
export async function resolveStudentNumbers(dataSource: DataSource, owner: Type<ObjectLiteral>, rows: ParsedRow[]): Promise<ParsedRow[]> {
  const nisValues = new Set<string>();
  const nisnValues = new Set<string>();
  for (const { values } of rows) {
    const nis = text(values.nis);
    const nisn = text(values.nisn);
    if (nis !== undefined) nisValues.add(nis);
    if (nisn !== undefined) nisnValues.add(normalizeNisn(nisn));
  }
  // Nothing to look up: the rows go on as read (an empty NIS/NISN cell is undefined, which validation drops).
  if (nisValues.size === 0 && nisnValues.size === 0) return rows.map((row) => (row.values.siswa_id === undefined ? resolveRow(row, new Map(), new Map()) : row));
  const found = await dataSource
    .getRepository(owner)
    .createQueryBuilder('s')
    .select(['s.id AS id', 's.nis AS nis', 's.nisn AS nisn'])
    .where('s.nis = ANY(:nis) OR s.nisn = ANY(:nisn)', { nis: [...nisValues], nisn: [...nisnValues] })
    .getRawMany<{ id: number; nis: string; nisn: string | null }>();
  const byNis = new Map(found.map((s) => [s.nis, Number(s.id)]));
  const byNisn = new Map(found.flatMap((s) => (s.nisn === null ? [] : [[s.nisn, Number(s.id)] as const])));
  return rows.map((row) => resolveRow(row, byNis, byNisn));
}

function resolveRow(row: ParsedRow, byNis: Map<string, number>, byNisn: Map<string, number>): ParsedRow {
  const { nis: rawNis, nisn: rawNisn, ...values } = row.values;
  const nis = text(rawNis);
  const nisn = text(rawNisn) === undefined ? undefined : normalizeNisn(text(rawNisn)!);
  const errors: FieldError[] = [...(row.errors ?? [])];
  // Which student each given column names, as "<column> <value>" for the message.
  const named: Array<{ column: string; id: number }> = [];
  if (typeof values.siswa_id === 'number') named.push({ column: `Siswa ID ${values.siswa_id}`, id: values.siswa_id });
  if (nis !== undefined) {
    const id = byNis.get(nis);
    if (id === undefined) errors.push({ field: 'nis', message: msg('UPLOAD_NIS_UNKNOWN', { nis }) });
    else named.push({ column: `NIS ${nis}`, id });
  }
  if (nisn !== undefined) {
    const id = byNisn.get(nisn);
    if (id === undefined) errors.push({ field: 'nisn', message: msg('UPLOAD_NISN_UNKNOWN', { nisn }) });
    else named.push({ column: `NISN ${nisn}`, id });
  }
  if (values.siswa_id === undefined && nis === undefined && nisn === undefined)
    errors.push({ field: 'siswa_id', message: msg('UPLOAD_SISWA_MISSING') });
  if (errors.length === 0 && new Set(named.map((n) => n.id)).size > 1) {
    const columns = named.map((n) => `${n.column} → siswa ${n.id}`).join(', ');
    errors.push({ field: 'siswa_id', message: msg('UPLOAD_SISWA_COLUMNS_DISAGREE', { columns }) });
  }
  if (errors.length > 0) return { ...row, values, errors };
  if (values.siswa_id === undefined && named[0]) values.siswa_id = named[0].id;
  return { ...row, values };
}
