import { In, type DataSource, type ObjectLiteral, type QueryDeepPartialEntity } from 'typeorm';
import type { ImportColumn } from '../../common/spreadsheet/sheet-columns';
import type { RecordBase } from '../columns';
import type { Prepared } from '../record-spec';
import type { RowErrors } from './row-errors';
import { type RowChange, snakeCase } from './upload-events';

/** A file row whose key is stored: its id and the values the file gives, exactly as read. */
export interface MatchedRow {
  id: number;
  row: number;
  file: Record<string, unknown>;
}

/** An update to write: only the columns that change, and the row's before/after of those columns. */
export interface RowUpdate<E> {
  id: number;
  set: QueryDeepPartialEntity<E>;
  change: RowChange;
}

const LOAD_CHUNK = 1000;

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));
  return norm(a) === norm(b);
}

/**
 * The file's columns over the stored row. A column the file does not have keeps its stored value; an
 * empty cell in a column it has clears an optional field (null) and is an error for a required one
 * (undefined fails validation, as in an insert).
 */
export function overlay(
  stored: object,
  file: Record<string, unknown>,
  present: readonly string[],
  columns: readonly ImportColumn[],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const field of present) {
    const column = columns.find((c) => c.field === field);
    const value = file[field];
    merged[field] = value === undefined && column && !column.required ? null : value;
  }
  return merged;
}

/**
 * mode=upsert: each matched row is merged over its stored row, validated whole and compared; rows
 * that would not change are not written. Stored rows are loaded 1,000 at a time.
 */
export async function planUpdates<E extends RecordBase>(
  dataSource: DataSource,
  spec: { entity: new () => E; toInput(entity: E): object; spreadsheet: { importColumns: readonly ImportColumn[] } },
  matched: MatchedRow[],
  present: readonly string[],
  validate: (values: object) => Prepared<E>,
  errors: RowErrors,
  pause: () => Promise<void>,
): Promise<Array<RowUpdate<E>>> {
  const updates: Array<RowUpdate<E>> = [];
  for (let i = 0; i < matched.length; i += LOAD_CHUNK) {
    const chunk = matched.slice(i, i + LOAD_CHUNK);
    const stored = await dataSource.getRepository(spec.entity).findBy({ id: In(chunk.map((m) => m.id)) } as never);
    const byId = new Map(stored.map((e) => [e.id, e]));
    for (const m of chunk) {
      const entity = byId.get(m.id);
      if (!entity) continue; // deleted meanwhile: the write's constraint rules decide
      const result = validate(overlay(spec.toInput(entity), m.file, present, spec.spreadsheet.importColumns));
      if ('errors' in result) {
        for (const e of result.errors) errors.add('merge', { row: m.row, ...e });
        continue;
      }
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(result.values as ObjectLiteral)) {
        const old = (entity as ObjectLiteral)[key];
        if (same(old, value)) continue;
        before[key] = old ?? null;
        after[key] = value ?? null;
      }
      if (Object.keys(after).length > 0) {
        updates.push({
          id: m.id,
          set: after as QueryDeepPartialEntity<E>,
          change: { id: m.id, row: m.row, before: snakeCase(before), after: snakeCase(after) },
        });
      }
      await pause();
    }
  }
  return updates;
}
