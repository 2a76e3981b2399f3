import { HttpStatus, type StreamableFile } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { DataSource, EntityManager, FindOptionsWhere, QueryDeepPartialEntity, Repository, SelectQueryBuilder } from 'typeorm';
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
import { runUpload } from './upload-runner';
import { moveToTrash } from '../trash/archive';
import { entityColumns, preparedQuery } from '../database/prepared-query';

function validationFailed(errors: FieldError[]): DomainException {
  return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, HTTP_ERRORS.VALIDATION_FAILED, {}, { errors });
}

/** The student a row belongs to, for the detail of a violated foreign key ("Siswa 7 not found"). */
function siswaIdOf(values: object): number | undefined {
  return (values as { siswaId?: number }).siswaId;
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
  private byIdColumns?: ReturnType<typeof entityColumns>;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly spec: RecordSpec<E, C, R>,
  ) {
    this.repo = dataSource.getRepository(spec.entity);
  }

  async list(query: ListQueryDto): Promise<Page<R>> {
    const qb = this.baseQuery();
    this.spec.applyFilters(qb, query);
    const page = await listPage(qb, query, this.spec.list);
    return {
      rows: this.toResponses(page.entities, page.raw),
      total: page.total,
    };
  }

  async get(id: number, manager?: EntityManager): Promise<R> {
    if (!manager) return this.getPrepared(id);
    const { entities, raw } = await this.baseQuery(manager).where('r.id = :id', { id }).getRawAndEntities();
    const [row] = this.toResponses(entities, raw);
    if (row === undefined) throw this.notFound(id);
    return row;
  }

  /**
   * GET /{id} outside a transaction, the hottest read: the same row and join as baseQuery, as one
   * prepared statement hydrated with TypeORM's own column conversions (see database/prepared-query.ts).
   */
  private async getPrepared(id: number): Promise<R> {
    const { select, hydrate } = (this.byIdColumns ??= entityColumns(this.dataSource, this.repo.metadata, 'r'));
    const table = `"${this.repo.metadata.tableName}"`;
    const [row] = this.spec.owner
      ? await preparedQuery<Record<string, unknown>>(
          this.dataSource,
          `${this.spec.entityType}_by_id`,
          `SELECT ${select}, s.nama AS nama_siswa, s.kelas AS kelas
             FROM ${table} r JOIN "${this.dataSource.getMetadata(this.spec.owner.entity).tableName}" s ON s.id = r.siswa_id WHERE r.id = $1`,
          [id],
        )
      : await preparedQuery<Record<string, unknown>>(this.dataSource, `${this.spec.entityType}_by_id`, `SELECT ${select} FROM ${table} r WHERE r.id = $1`, [id]);
    if (row === undefined) throw this.notFound(id);
    const entity = hydrate<E>(row);
    return this.spec.owner ? this.spec.toResponse(entity, { nama_siswa: String(row.nama_siswa), kelas: String(row.kelas) }) : this.spec.toResponse(entity);
  }

  async create(body: C): Promise<R> {
    const values = this.prepareOrThrow(body);
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
  async update(id: number, body: Partial<C>): Promise<R> {
    const { before, after } = await this.dataSource.transaction(async (manager) => {
      const existing = await this.lockRow(manager, id);
      const before = await this.get(id, manager);
      const merged = { ...this.spec.toInput(existing), ...definedOnly(body) };
      const checked = this.validateInput(merged);
      if ('errors' in checked) throw validationFailed(checked.errors);
      const values = this.prepareOrThrow(checked.input);
      await withConstraintRules(this.spec.constraints, () => manager.getRepository(this.spec.entity).update(id, values), { id: siswaIdOf(values) });
      return { before, after: await this.get(id, manager) };
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
  async remove(id: number): Promise<void> {
    const { before, trashId } = await this.dataSource.transaction(async (manager) => {
      await this.lockRow(manager, id);
      const before = await this.get(id, manager);
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
  exportFile(format: ExportFormat, query: ListQueryDto): StreamableFile {
    const build = (): SelectQueryBuilder<E> => {
      const qb = this.baseQuery();
      this.spec.applyFilters(qb, query);
      applySearch(qb, query.search, this.spec.list);
      return qb;
    };
    const toResponses = this.toResponses.bind(this);
    async function* rows(): AsyncGenerator<R[]> {
      for await (const batch of keysetBatches(build, 'r.id')) yield toResponses(batch.entities, batch.raw);
    }
    return streamExport(format, this.spec.spreadsheet, rows());
  }

  /** See runUpload. The request's own event carries the summary; the rows are in `upload.rows` events. */
  async upload(file: UploadedSheet, options: UploadQueryDto): Promise<UploadResultDto> {
    const { result, logged } = await runUpload(this.dataSource, this.spec, file, options, (values) => this.validateAndPrepare(values));
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
  protected validateInput(plain: object): { input: C } | { errors: FieldError[] } {
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

  /** The root query: the domain's rows, with the owning student's name and class joined in. */
  protected baseQuery(manager?: EntityManager): SelectQueryBuilder<E> {
    const qb = (manager ? manager.getRepository(this.spec.entity) : this.repo).createQueryBuilder('r');
    if (this.spec.owner) {
      qb.innerJoin(this.spec.owner.entity, 's', 's.id = r.siswaId').addSelect('s.nama', 'nama_siswa').addSelect('s.kelas', 'kelas');
    }
    return qb;
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
