import type { DataSource, EntityManager, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { readUpload } from '../common/spreadsheet/upload-reader';
import { uploadLimits } from '../common/spreadsheet/upload-limits';
import type { UploadedSheet } from '../common/spreadsheet/upload-file';
import type { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { msg } from '../i18n/catalogue';
import { t } from '../i18n/language';
import type { RecordBase } from './columns';
import { withConstraintRules } from './constraint-errors';
import type { Prepared, RecordSpec } from './record-spec';
import { bulkInsert } from './upload/bulk-insert';
import { resolveStudentNumbers } from './upload/student-numbers';
import { RowErrors, timeSlicer } from './upload/row-errors';
import { ROWS_PER_EVENT, type RowChange, rowEventPages, snakeCase, writeRowEvent } from './upload/upload-events';
import { type MatchedRow, planUpdates, type RowUpdate } from './upload/upsert-merge';
import type { Message } from '../i18n/catalogue';
import type { ScopedWrite } from '../scope/teacher-scope';

/** The rows (of those about to be written) the caller may not write, with the reason: the teacher scope's check. */
export type UploadAuthorizer = (writes: ScopedWrite[]) => Promise<Array<{ row: number; message: Message }>>;

const INSERT_CHUNK = 1000;

interface ValidRow<E> {
  row: number;
  values: QueryDeepPartialEntity<E>;
  key: string;
  /** The file's values as read (mode=upsert only: merged over the stored row if the key exists). */
  file?: Record<string, unknown>;
}

/** The part of a domain's spec an upload needs. */
type AnySpec<E extends RecordBase> = Pick<
  RecordSpec<E, object, unknown>,
  'entity' | 'entityType' | 'constraints' | 'owner' | 'naturalKey' | 'naturalKeyField' | 'toInput'
> & {
  spreadsheet: Pick<RecordSpec<E, object, unknown>['spreadsheet'], 'importColumns'>;
};

/** What the event log's summary of an upload adds to the answer. */
export interface UploadOutcome {
  result: UploadResultDto;
  /** Rows created or changed, listed in `upload.rows` events, and how many such events. */
  logged: { rows: number; pages: number };
}

function keyOf<E extends RecordBase>(spec: AnySpec<E>, values: ObjectLiteral): string {
  return JSON.stringify(spec.naturalKey.map((k) => values[k]));
}

/**
 * A prepared row copied into a plain object of one shared shape. A domain's prepare() may build its
 * values by spreading Object.fromEntries (a dictionary-mode object); 100,000 of those, held until
 * the whole file has been checked, took twice the memory (92 vs 47 MB for nilai) and pushed the API's
 * 256 MB heap into back-to-back full collections (/health stalled for seconds, an .xlsx import died).
 */
function compact<E>(values: QueryDeepPartialEntity<E>): QueryDeepPartialEntity<E> {
  const out: ObjectLiteral = {};
  for (const key in values) if (Object.hasOwn(values, key)) out[key] = (values as ObjectLiteral)[key];
  return out as QueryDeepPartialEntity<E>;
}

/** Rows whose student does not exist: one query for all of them. */
async function checkOwners<E extends RecordBase>(
  dataSource: DataSource,
  spec: AnySpec<E>,
  rows: Array<ValidRow<E>>,
  errors: RowErrors,
): Promise<Array<ValidRow<E>>> {
  if (!spec.owner || rows.length === 0) return rows;
  const ids = [...new Set(rows.map((r) => Number((r.values as ObjectLiteral).siswaId)))];
  const found = await dataSource
    .getRepository(spec.owner.entity)
    .createQueryBuilder('s')
    .select('s.id', 'id')
    .where('s.id = ANY(:ids)', { ids })
    .getRawMany<{ id: number }>();
  const existing = new Set(found.map((f) => Number(f.id)));
  return rows.filter((r) => {
    const id = Number((r.values as ObjectLiteral).siswaId);
    if (existing.has(id)) return true;
    errors.add('owner', { row: r.row, field: 'siswa_id', message: msg('UPLOAD_SISWA_UNKNOWN', { id }) });
    return false;
  });
}

/**
 * Stored rows sharing a natural key with the upload: key → id. Each key column is narrowed to the
 * upload's values of it: by the student alone, a nilai upload for this semester would load every
 * semester's rows of those students (six times the upload at district size, and past the heap).
 */
async function existingKeys<E extends RecordBase>(dataSource: DataSource, spec: AnySpec<E>, rows: Array<ValidRow<E>>): Promise<Map<string, number>> {
  if (spec.naturalKey.length === 0 || rows.length === 0) return new Map();
  const qb = dataSource
    .getRepository(spec.entity)
    .createQueryBuilder('r')
    .select(['r.id', ...spec.naturalKey.map((k) => `r.${k}`)]);
  spec.naturalKey.forEach((k, i) => {
    const values = [...new Set(rows.map((r) => (r.values as ObjectLiteral)[k] as unknown))];
    qb.andWhere(`r.${k} = ANY(:key${i})`, { [`key${i}`]: values });
  });
  const stored = await qb.getMany();
  return new Map(stored.map((e) => [keyOf(spec, e), e.id]));
}

/**
 * Every row the upload would write, checked at once: a new row writes all its fields, an updated one
 * the columns that change, a matched row that stays the same nothing (only its student is checked).
 */
async function authorizeRows<E extends RecordBase>(
  authorize: UploadAuthorizer,
  valid: Array<ValidRow<E>>,
  matched: MatchedRow[],
  updates: Array<RowUpdate<E>>,
  errors: RowErrors,
): Promise<void> {
  const changedById = new Map(updates.map((u) => [u.id, Object.keys(u.set)]));
  const changedByRow = new Map(matched.map((m) => [m.row, changedById.get(m.id) ?? []]));
  const writes: ScopedWrite[] = valid.map((r) => ({
    row: r.row,
    siswaId: Number((r.values as ObjectLiteral).siswaId),
    changed: changedByRow.get(r.row) ?? 'all',
  }));
  for (const denied of await authorize(writes)) errors.add('scope', { row: denied.row, field: 'siswa_id', message: denied.message });
}

/** Inserts in chunks (one unnest statement each); returns the created rows' changes for the event log. */
async function insertRows<E extends RecordBase>(manager: EntityManager, spec: AnySpec<E>, inserts: Array<ValidRow<E>>): Promise<RowChange[]> {
  const created: RowChange[] = [];
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    const chunk = inserts.slice(i, i + INSERT_CHUNK);
    const ids = await bulkInsert(manager, spec.entity, spec.naturalKey, chunk.map((r) => r.values as ObjectLiteral));
    for (const r of chunk) created.push({ id: ids.get(r.key)!, row: r.row, before: null, after: snakeCase(r.values as ObjectLiteral) });
  }
  return created;
}

/**
 * An upload, all or nothing. The file is read as a stream (in a worker thread in the built app) with
 * the UPLOAD_MAX_* limits; every row is validated first (request rules, derived-field rules, the
 * student exists, no key twice in the file, no existing key unless mode=upsert, and for upsert the
 * row merged over the stored one); any error → 422 listing `{row, field, message}` and nothing is
 * written. Otherwise all rows, and the `upload.rows` events listing them, are written in one
 * transaction (a race with another writer ends in the unique constraint: 409, nothing written).
 * Validation gives the event loop a turn every 10 ms, so other requests keep being answered.
 */
export async function runUpload<E extends RecordBase>(
  dataSource: DataSource,
  spec: AnySpec<E>,
  file: UploadedSheet,
  options: UploadQueryDto,
  validate: (values: object) => Prepared<E>,
  authorize?: UploadAuthorizer,
): Promise<UploadOutcome> {
  const errors = new RowErrors();
  const pause = timeSlicer();
  const upsert = options.mode === 'upsert';
  let valid: Array<ValidRow<E>> = [];
  let present: string[] = [];
  let rowCount = 0;
  const seen = new Map<string, number>();
  for await (const chunk of readUpload(file, spec.spreadsheet.importColumns, uploadLimits())) {
    if ('present' in chunk) {
      present = chunk.present;
      continue;
    }
    const rows = spec.owner ? await resolveStudentNumbers(dataSource, spec.owner.entity, chunk.rows) : chunk.rows;
    for (const { row, values, errors: cellErrors } of rows) {
      rowCount += 1;
      await pause();
      if (cellErrors) {
        for (const e of cellErrors) errors.add('cells', { row, ...e });
        continue;
      }
      const result = validate(values);
      if ('errors' in result) {
        for (const e of result.errors) errors.add('rules', { row, ...e });
        continue;
      }
      const key = keyOf(spec, result.values as ObjectLiteral);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.add('duplicates', { row, field: spec.naturalKeyField, message: msg('UPLOAD_KEY_REPEATED', { entity: spec.entityType, row: earlier }) });
        continue;
      }
      seen.set(key, row);
      valid.push({ row, values: compact(result.values), key, ...(upsert ? { file: values } : {}) });
    }
  }
  seen.clear();
  valid = await checkOwners(dataSource, spec, valid, errors);
  const stored = await existingKeys(dataSource, spec, valid);
  const inserts: Array<ValidRow<E>> = [];
  const matched: MatchedRow[] = [];
  for (const r of valid) {
    const id = stored.get(r.key);
    if (id === undefined) inserts.push(r);
    else if (upsert) matched.push({ id, row: r.row, file: r.file ?? {} });
    else errors.add('existing', { row: r.row, field: spec.naturalKeyField, message: msg('UPLOAD_KEY_EXISTS', { entity: spec.entityType }) });
  }
  const updates: Array<RowUpdate<E>> = upsert ? await planUpdates(dataSource, spec, matched, present, validate, errors, pause) : [];
  if (authorize) await authorizeRows(authorize, valid, matched, updates, errors);
  if (errors.size > 0) throw errors.reject(rowCount);

  // Written a page at a time (1,000 rows, then their event), so the row events never pile up in memory.
  const logged = { rows: inserts.length + updates.length, pages: rowEventPages(inserts.length, updates.length) };
  if (!options.dry_run) {
    await withConstraintRules(spec.constraints, () =>
      dataSource.transaction(async (manager) => {
        let page = 0;
        for (let i = 0; i < inserts.length; i += ROWS_PER_EVENT) {
          const created = await insertRows(manager, spec, inserts.slice(i, i + ROWS_PER_EVENT));
          await writeRowEvent(manager, file.origin, spec.entityType, { page: ++page, pages: logged.pages }, created);
        }
        for (let i = 0; i < updates.length; i += ROWS_PER_EVENT) {
          const chunk = updates.slice(i, i + ROWS_PER_EVENT);
          for (const u of chunk) await manager.update(spec.entity, u.id, u.set);
          await writeRowEvent(manager, file.origin, spec.entityType, { page: ++page, pages: logged.pages }, chunk.map((u) => u.change));
        }
      }),
    );
  }
  return {
    result: {
      status: 'success',
      message: t(msg(options.dry_run ? 'UPLOAD_DRY_RUN' : 'UPLOAD_DONE', { rows: rowCount, created: inserts.length, updated: matched.length })),
      created: inserts.length,
      updated: matched.length,
      dry_run: options.dry_run,
    },
    logged,
  };
}
