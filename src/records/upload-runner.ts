import { HttpStatus } from '@nestjs/common';
import type { DataSource, EntityManager, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { DomainException, type RowFieldError } from '../common/http/problem';
import { UPLOAD_ERRORS } from '../common/spreadsheet/upload.errors';
import { msg } from '../i18n/catalogue';
import { t } from '../i18n/language';
import { parseUpload } from '../common/spreadsheet/upload-parse';
import type { UploadedSheet } from '../common/spreadsheet/upload-file';
import type { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import type { RecordBase } from './columns';
import { withConstraintRules } from './constraint-errors';
import type { Prepared, RecordSpec } from './record-spec';

const INSERT_CHUNK = 500;
/** The answer lists at most this many row errors; the detail says how many there were. */
const MAX_REPORTED_ERRORS = 1000;

interface ValidRow<E> {
  row: number;
  values: QueryDeepPartialEntity<E>;
  key: string;
}

/** The part of a domain's spec an upload needs. */
type AnySpec<E extends RecordBase> = Pick<
  RecordSpec<E, object, unknown>,
  'entity' | 'entityType' | 'constraints' | 'owner' | 'naturalKey' | 'naturalKeyField'
> & {
  spreadsheet: Pick<RecordSpec<E, object, unknown>['spreadsheet'], 'importColumns'>;
};

function keyOf<E extends RecordBase>(spec: AnySpec<E>, values: ObjectLiteral): string {
  return JSON.stringify(spec.naturalKey.map((k) => values[k]));
}

/** Rows whose student does not exist: one query for all of them. */
async function checkOwners<E extends RecordBase>(
  dataSource: DataSource,
  spec: AnySpec<E>,
  rows: Array<ValidRow<E>>,
  errors: RowFieldError[],
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
    errors.push({
      row: r.row,
      field: 'siswa_id',
      message: msg('UPLOAD_SISWA_UNKNOWN', { id }),
    });
    return false;
  });
}

/** Stored rows sharing a natural key with the upload: key → id. */
async function existingKeys<E extends RecordBase>(
  dataSource: DataSource,
  spec: AnySpec<E>,
  rows: Array<ValidRow<E>>,
): Promise<Map<string, number>> {
  const [first] = spec.naturalKey;
  if (!first || rows.length === 0) return new Map();
  const firstValues = [...new Set(rows.map((r) => (r.values as ObjectLiteral)[first] as unknown))];
  const stored = await dataSource
    .getRepository(spec.entity)
    .createQueryBuilder('r')
    .select(['r.id', ...spec.naturalKey.map((k) => `r.${k}`)])
    .where(`r.${first} = ANY(:firstValues)`, { firstValues })
    .getMany();
  return new Map(stored.map((e) => [keyOf(spec, e), e.id]));
}

async function write<E extends RecordBase>(
  manager: EntityManager,
  spec: AnySpec<E>,
  inserts: Array<ValidRow<E>>,
  updates: Array<[number, ValidRow<E>]>,
): Promise<void> {
  for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
    await manager.insert(
      spec.entity,
      inserts.slice(i, i + INSERT_CHUNK).map((r) => r.values),
    );
  }
  for (const [id, r] of updates) await manager.update(spec.entity, id, r.values);
}

function rejectRows(errors: RowFieldError[], rowCount: number): DomainException {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const rows = [...new Set(sorted.map((e) => e.row))];
  const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
  return new DomainException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    UPLOAD_ERRORS.INVALID,
    { invalid: rows.length, total: rowCount, rows: shown },
    { errors: sorted.slice(0, MAX_REPORTED_ERRORS), invalid_rows: rows.length },
  );
}

/**
 * An upload, all or nothing: every row is validated first (request rules, derived-field rules, the
 * student exists, no key twice in the file, no existing key unless mode=upsert); any error → 422
 * listing `{row, field, message}` and nothing is written. Otherwise all rows are written in one
 * transaction (a race with another writer ends in the unique constraint: 409, nothing written).
 */
export async function runUpload<E extends RecordBase>(
  dataSource: DataSource,
  spec: AnySpec<E>,
  file: UploadedSheet,
  options: UploadQueryDto,
  validate: (values: object) => Prepared<E>,
): Promise<UploadResultDto> {
  const parsed = await parseUpload(file, spec.spreadsheet.importColumns);
  if (parsed.length === 0) {
    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, UPLOAD_ERRORS.EMPTY_FILE, { file: file.filename });
  }
  const errors: RowFieldError[] = [];
  let valid: Array<ValidRow<E>> = [];
  const seen = new Map<string, number>();
  for (const { row, values } of parsed) {
    const result = validate(values);
    if ('errors' in result) {
      errors.push(...result.errors.map((e) => ({ row, ...e })));
      continue;
    }
    const key = keyOf(spec, result.values as ObjectLiteral);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        row,
        field: spec.naturalKeyField,
        message: msg('UPLOAD_KEY_REPEATED', { entity: spec.entityType, row: earlier }),
      });
      continue;
    }
    seen.set(key, row);
    valid.push({ row, values: result.values, key });
  }
  valid = await checkOwners(dataSource, spec, valid, errors);
  const stored = await existingKeys(dataSource, spec, valid);
  const inserts: Array<ValidRow<E>> = [];
  const updates: Array<[number, ValidRow<E>]> = [];
  for (const r of valid) {
    const id = stored.get(r.key);
    if (id === undefined) inserts.push(r);
    else if (options.mode === 'upsert') updates.push([id, r]);
    else
      errors.push({
        row: r.row,
        field: spec.naturalKeyField,
        message: msg('UPLOAD_KEY_EXISTS', { entity: spec.entityType }),
      });
  }
  if (errors.length > 0) throw rejectRows(errors, parsed.length);
  if (!options.dry_run) {
    await withConstraintRules(spec.constraints, () => dataSource.transaction((manager) => write(manager, spec, inserts, updates)));
  }
  const counts = { rows: parsed.length, created: inserts.length, updated: updates.length };
  return {
    status: 'success',
    message: t(msg(options.dry_run ? 'UPLOAD_DRY_RUN' : 'UPLOAD_DONE', counts)),
    created: inserts.length,
    updated: updates.length,
    dry_run: options.dry_run,
  };
}
