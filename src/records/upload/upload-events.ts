import type { EntityManager } from 'typeorm';
import type { UploadOrigin } from '../../common/spreadsheet/upload-file';
import { redact } from '../../common/audit/redact';

/** One row an upload created or changed: for an update, only the fields that changed, before and after. */
export interface RowChange {
  id: number;
  row: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** Rows per `upload.rows` event: a 100,000-row upload is 100 event rows of about 150 KB of JSON. */
export const ROWS_PER_EVENT = 1000;
export const ROWS_EVENT_ACTION = 'upload.rows';

/** Each entity property's snake_case name, converted once: the same few names come back on every row. */
const snakeNames = new Map<string, string>();

function snakeName(key: string): string {
  let name = snakeNames.get(key);
  if (name === undefined) snakeNames.set(key, (name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return name;
}

/** `siswaId` → `siswa_id`: the names the API and the redaction list use. */
export function snakeCase(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in values) if (Object.hasOwn(values, key)) out[snakeName(key)] = values[key];
  return out;
}

/** Pages an upload's row events take: creates and updates are paged separately, as they are written. */
export function rowEventPages(creates: number, updates: number): number {
  return Math.ceil(creates / ROWS_PER_EVENT) + Math.ceil(updates / ROWS_PER_EVENT);
}

/**
 * Writes one page of the rows an upload created or changed into event_log, inside the upload's
 * transaction (so they exist exactly when the data does): an `upload.rows` event, page k of n, at
 * most `ROWS_PER_EVENT` rows, with the request id of the upload's own event, which carries the
 * summary. Incomes are redacted like every other event. `changes` is
 * `{page, pages, rows: [{id, row, before, after}]}`.
 */
export async function writeRowEvent(
  manager: EntityManager,
  origin: UploadOrigin | undefined,
  entityType: string,
  page: { page: number; pages: number },
  rows: RowChange[],
): Promise<void> {
  const changes = redact({ page: page.page, pages: page.pages, rows });
  await manager.query(
    `INSERT INTO event_log (occurred_at, request_id, category, action, user_id, username, role, method, path, status,
       duration_ms, ip, user_agent, entity_type, entity_id, changes)
     VALUES (now(), $1, 'FILE', $2, $3, $4, $5, $6, $7, 200, $8, $9, $10, $11, NULL, $12::jsonb)`,
    [
      origin?.requestId ?? null,
      ROWS_EVENT_ACTION,
      origin?.userId ?? null,
      origin?.username ?? null,
      origin?.role ?? null,
      origin?.method ?? 'POST',
      origin?.path ?? '',
      origin ? Date.now() - origin.receivedAt : 0,
      origin?.ip ?? null,
      origin?.userAgent ?? null,
      entityType,
      JSON.stringify(changes),
    ],
  );
}
