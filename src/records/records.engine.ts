import { HttpStatus, Inject, Optional, type StreamableFile } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DataSource, EntityManager, FindOptionsWhere, ObjectLiteral, QueryDeepPartialEntity, Repository, SelectQueryBuilder } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import { HTTP_ERRORS } from '../common/http/http.errors';
import { DomainException, type FieldError } from '../common/http/problem';
import { flattenValidationErrors } from '../common/http/validation';
import { applySearch, keysetBatches, listPage } from '../common/query/list-page';
import type { ListQueryDto } from '../common/query/list-query.dto';
import type { Page } from '../common/query/total-count';
import { streamExport } from '../common/spreadsheet/export-stream';
import type { ExportFormat } from '../common/spreadsheet/sheet-columns';
import type { UploadedSheet } from '../common/spreadsheet/upload-file';
import type { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import type { RecordBase } from './columns';
import { withConstraintRules } from './constraint-errors';
import type { Prepared, RecordSpec, SiswaJoin } from './record-spec';
import type { SiswaNumbers } from './shared-columns';
import { runUpload } from './upload-runner';
import { moveToTrash } from '../trash/archive';
import { changedProps, type ScopedWrite, TeacherScope } from '../scope/teacher-scope';
import { ReadDatabase } from '../database/read-database';
import { GroupedReads } from '../database/grouped-reads';
import { compiledInputValidator } from '../common/http/validation-compiled';
import { entityColumns, preparedQuery } from '../database/prepared-query';

function validationFailed(errors: FieldError[]): DomainException {
  return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, HTTP_ERRORS.VALIDATION_FAILED, {}, { errors });
}

/** The student a row belongs to, for the detail of a violated foreign key ("Siswa 7 not found"). */
function siswaIdOf(values: object): number | undefined {
  return (values as { siswaId?: number }).siswaId;
}

/** Adds the student numbers (SISWA_NUMBER_EXPORT_COLUMNS) to exported rows (fresh objects, so in place), matched by id. */
function withSiswaNumbers<R>(responses: R[], raw: Array<Record<string, unknown>>): Array<R & SiswaNumbers> {
  const byId = new Map(raw.map((row) => [Number(row.r_id), row]));
  for (const response of responses as Array<R & SiswaNumbers & { id: number }>) {
    const row = byId.get(response.id);
    response.nis = row?.siswa_nis as string | undefined;
    response.nisn = (row?.siswa_nisn as string | null | undefined) ?? null;
  }
  return responses as Array<R & SiswaNumbers>;
}

/** Drops keys a partial body did not send, so they do not overwrite stored values when merged. */
function definedOnly<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The CRUD, list, export and upload mechanics shared by the five record domains. A domain service
 * extends it with its RecordSpec (fields, derived values, constraints, spreadsheet columns) and adds
 * its own named queries. Services own the rules; controllers only call these methods.
 */
export class RecordsEngine<E extends RecordBase, C extends object, R> {
  protected readonly repo: Repository<E>;
  /** Exports read here (DATABASE_READ_URL's replica, or the primary); injected as a property so the domain services' constructors stay as they are. */
  @Optional() @Inject(ReadDatabase) protected readonly readDatabase?: ReadDatabase;
  private byIdColumns?: ReturnType<typeof entityColumns>;
  private byIdReads?: GroupedReads<number, Record<string, unknown>>;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly spec: RecordSpec<E, C, R>,
  ) {
    this.repo = dataSource.getRepository(spec.entity);
  }

  async list(query: ListQueryDto, scope = TeacherScope.SCHOOL): Promise<Page<R>> {
    const qb = this.baseQuery(scope);
    this.spec.applyFilters(qb, query);
    const page = await listPage(qb, query, this.spec.list);
    return {
      rows: this.toResponses(page.entities, page.raw),
      total: page.total,
    };
  }

  /**
   * A row out of the scope's reach is answered as missing (404), so its existence is not revealed.
   * Unrestricted and outside a transaction, the hottest read takes the prepared statement.
   */
  async get(id: number, scope = TeacherScope.SCHOOL, manager?: EntityManager): Promise<R> {
    if (!manager && !scope.restricted) return this.getPrepared(id);
    const { entities, raw } = await this.baseQuery(scope, manager).andWhere('r.id = :id', { id }).getRawAndEntities();
    const [row] = this.toResponses(entities, raw);
    if (row === undefined) throw this.notFound(id);
    return row;
  }

  /**
   * GET /{id} outside a transaction, the hottest read: the same row and join as baseQuery, as one
   * prepared statement hydrated with TypeORM's own column conversions (see database/prepared-query.ts),
   * for every id asked for in the same turn of the event loop at once (database/grouped-reads.ts).
   */
  private async getPrepared(id: number): Promise<R> {
    this.byIdReads ??= new GroupedReads((ids) => this.readByIds(ids));
    const row = await this.byIdReads.read(id);
    if (row === undefined) throw this.notFound(id);
    // Hydrated per caller, not per row: two requests for one id must not share (and mutate) one object.
    const entity = this.byIdColumns!.hydrate<E>(row);
    return this.spec.owner ? this.spec.toResponse(entity, { nama_siswa: String(row.nama_siswa), kelas: String(row.kelas) }) : this.spec.toResponse(entity);
  }

  private async readByIds(ids: readonly number[]): Promise<Map<number, Record<string, unknown>>> {
    const { select } = (this.byIdColumns ??= entityColumns(this.dataSource, this.repo.metadata, 'r'));
    const table = `"${this.repo.metadata.tableName}"`;
    const owner = this.spec.owner;
    const rows = owner
      ? await preparedQuery<Record<string, unknown>>(
          this.dataSource,
          `${this.spec.entityType}_by_ids`,
          `SELECT ${select}, s.nama AS nama_siswa, s.kelas AS kelas
             FROM ${table} r JOIN "${this.dataSource.getMetadata(owner.entity).tableName}" s ON s.id = r.siswa_id WHERE r.id = ANY($1::int[])`,
          [ids],
        )
      : await preparedQuery<Record<string, unknown>>(this.dataSource, `${this.spec.entityType}_by_ids`, `SELECT ${select} FROM ${table} r WHERE r.id = ANY($1::int[])`, [ids]);
    return new Map(rows.map((row) => [Number(row.r_id), row]));
  }

  async create(body: C, scope = TeacherScope.SCHOOL): Promise<R> {
    const values = this.prepareOrThrow(body);
    await this.authorize(scope, this.dataSource.manager, null, values as ObjectLiteral);
    const result = await withConstraintRules(this.spec.constraints, () => this.repo.insert(values), { id: siswaIdOf(values) });
    const id = (result.identifiers[0] as { id: number }).id;
    const created = await this.get(id);
    recordChange({
      entity_type: this.spec.entityType,
      entity_id: id,
      before: null,
      after: created,
    });
    return created;
  }

  /**
   * PUT and PATCH: a partial body merged over the stored row, validated whole, derived fields
   * recomputed. Read, merge and write happen in one transaction holding the row's lock, so two
   * concurrent partial updates (each changing another field) both survive, and the event's
   * before/after are exactly the states this update went from and to.
   */
  async update(id: number, body: Partial<C>, scope = TeacherScope.SCHOOL): Promise<R> {
    const { before, after } = await this.dataSource.transaction(async (manager) => {
      const existing = await this.lockRow(manager, id);
      const before = await this.get(id, scope, manager);
      const merged = { ...this.spec.toInput(existing), ...definedOnly(body) };
      const checked = this.validateInput(merged);
      if ('errors' in checked) throw validationFailed(checked.errors);
      const values = this.prepareOrThrow(checked.input);
      await this.authorize(scope, manager, existing, values as ObjectLiteral);
      await withConstraintRules(this.spec.constraints, () => manager.getRepository(this.spec.entity).update(id, values), { id: siswaIdOf(values) });
      return { before, after: await this.get(id, TeacherScope.SCHOOL, manager) };
    });
    recordChange({
      entity_type: this.spec.entityType,
      entity_id: id,
      before,
      after,
    });
    return after;
  }

  /**
   * Moves the row, and every row a cascading foreign key ties to it (a student's nilai, presensi, …),
   * into the recycle bin in one transaction; `POST /api/trash/{id}/restore` puts them back.
   */
  async remove(id: number, scope = TeacherScope.SCHOOL): Promise<void> {
    const { before, trashId } = await this.dataSource.transaction(async (manager) => {
      const existing = await this.lockRow(manager, id);
      const before = await this.get(id, scope, manager);
      await this.authorize(scope, manager, existing, null);
      const trashId = await moveToTrash(manager, this.repo.metadata, {
        entityType: this.spec.entityType,
        entityId: id,
        record: before as object,
      });
      if (trashId === undefined) throw this.notFound(id);
      return { before, trashId };
    });
    recordChange({
      entity_type: this.spec.entityType,
      entity_id: id,
      before,
      after: { trash_id: trashId },
    });
  }

  /** The filtered rows (search and filters as the list, no paging) as a streamed file, in id order. */
  exportFile(format: ExportFormat, query: ListQueryDto, scope = TeacherScope.SCHOOL): StreamableFile {
    const owned = this.spec.owner !== undefined;
    const build = (): SelectQueryBuilder<E> => {
      // Exports read from the read database when DATABASE_READ_URL is set.
      const qb = this.baseQuery(scope, this.readDatabase?.manager);
      if (owned) qb.addSelect('s.nis', 'siswa_nis').addSelect('s.nisn', 'siswa_nisn');
      this.spec.applyFilters(qb, query);
      applySearch(qb, query.search, this.spec.list);
      return qb;
    };
    const toResponses = this.toResponses.bind(this);
    async function* rows(): AsyncGenerator<Array<R & SiswaNumbers>> {
      for await (const batch of keysetBatches(build, 'r.id')) {
        const responses = toResponses(batch.entities, batch.raw);
        yield owned ? withSiswaNumbers(responses, batch.raw) : (responses as Array<R & SiswaNumbers>);
      }
    }
    return streamExport(format, this.spec.spreadsheet, rows());
  }

  /** See runUpload. The request's own event carries the summary; the rows are in `upload.rows` events. */
  async upload(file: UploadedSheet, options: UploadQueryDto, scope = TeacherScope.SCHOOL): Promise<UploadResultDto> {
    const authorize = scope.restricted ? (writes: ScopedWrite[]) => scope.rowDenials(this.dataSource.manager, this.spec.guruScope.write, writes) : undefined;
    const { result, logged } = await runUpload(this.dataSource, this.spec, file, options, (values) => this.validateAndPrepare(values), authorize);
    if (!options.dry_run) {
      recordChange({
        entity_type: this.spec.entityType,
        entity_id: null,
        before: null,
        after: { ...result, file: file.filename, rows_logged: logged.rows, row_event_pages: logged.pages },
      });
    }
    return result;
  }

  /** Class-validator rules of the full request body, for bodies that did not pass the global pipe. */
  /**
   * The request DTO's rules: compiled once (common/http/validation-compiled.ts — the same errors as
   * class-validator, which looked the rules up again on every call and was most of a large upload's
   * CPU), or class-validator itself for a DTO with a rule that does not compile.
   */
  protected validateInput(plain: object): { input: C } | { errors: FieldError[] } {
    const compiled = compiledInputValidator(this.spec.createDto);
    if (compiled) return compiled(plain);
    const input = plainToInstance(this.spec.createDto, plain);
    const errors = validateSync(input, {
      whitelist: true,
      forbidUnknownValues: false,
    });
    return errors.length > 0 ? { errors: flattenValidationErrors(errors) } : { input };
  }

  protected validateAndPrepare(plain: object): Prepared<E> {
    const checked = this.validateInput(plain);
    return 'errors' in checked ? checked : this.spec.prepare(checked.input);
  }

  protected prepareOrThrow(input: C): QueryDeepPartialEntity<E> {
    const prepared = this.spec.prepare(input);
    if ('errors' in prepared) throw validationFailed(prepared.errors);
    return prepared.values;
  }

  /** The stored row, locked (FOR UPDATE) until the transaction ends; 404 when there is none. */
  protected async lockRow(manager: EntityManager, id: number): Promise<E> {
    const row = await manager.getRepository(this.spec.entity).findOne({
      where: { id } as FindOptionsWhere<E>,
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw this.notFound(id);
    return row;
  }

  protected notFound(id: number): DomainException {
    return new DomainException(HttpStatus.NOT_FOUND, this.spec.notFoundCode, { id });
  }

  /**
   * The root query: the domain's rows within the scope's reach, with the owning student's name and
   * class joined in. Every read (list, count, get, export) starts here, so the scope applies to all.
   */
  protected baseQuery(scope: TeacherScope, manager?: EntityManager): SelectQueryBuilder<E> {
    const qb = (manager ? manager.getRepository(this.spec.entity) : this.repo).createQueryBuilder('r');
    if (this.spec.owner) {
      qb.innerJoin(this.spec.owner.entity, 's', 's.id = r.siswaId').addSelect('s.nama', 'nama_siswa').addSelect('s.kelas', 'kelas');
    }
    return scope.restrictQuery(qb, this.spec.guruScope.siswaColumn, this.spec.guruScope.read);
  }

  /**
   * GURU_SCOPE=class: may the scope write this change (`before` null: a created row, `after` null: a
   * deleted one)? A row moved to another student is a write to both. Throws 404/403 (TeacherScope).
   */
  protected async authorize(scope: TeacherScope, manager: EntityManager, before: ObjectLiteral | null, after: ObjectLiteral | null): Promise<void> {
    if (!scope.restricted) return;
    const writes: ScopedWrite[] = [];
    if (before && after && siswaIdOf(before) === siswaIdOf(after)) {
      writes.push({ siswaId: siswaIdOf(after) ?? 0, changed: changedProps(before, after, this.spec.naturalKey) });
    } else {
      for (const side of [before, after]) if (side) writes.push({ siswaId: siswaIdOf(side) ?? 0, changed: 'all' });
    }
    await scope.assertMayWrite(manager, this.spec.guruScope.write, writes);
  }

  /** Pairs each entity with its raw row by id (not by position) to read the joined columns. */
  protected toResponses(entities: E[], raw: Array<Record<string, unknown>>): R[] {
    if (!this.spec.owner) return entities.map((e) => this.spec.toResponse(e));
    const joins = new Map<number, SiswaJoin>();
    for (const row of raw)
      joins.set(Number(row.r_id), {
        nama_siswa: String(row.nama_siswa),
        kelas: String(row.kelas),
      });
    return entities.map((e) => this.spec.toResponse(e, joins.get(e.id)));
  }
}
