import { applyDecorators, Delete, Get, Param, Patch, Post, Put, Query, Req, Res, type StreamableFile, type Type } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidBody, ValidQuery } from '../common/http/validated-params';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import type { ListQueryDto } from '../common/query/list-query.dto';
import { type Page, sendPage } from '../common/query/total-count';
import { ALL_ROLES, type Role } from '../common/role';
import { ApiUploadBody, XLSX_MIME } from '../common/spreadsheet/api-upload.decorator';
import type { ExportFormat } from '../common/spreadsheet/sheet-columns';
import { readUploadFile, type UploadedSheet } from '../common/spreadsheet/upload-file';
import { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { RateLimited } from '../common/rate-limit/rate-limited.decorator';
import { RequestScope } from '../scope/request-scope.decorator';
import type { TeacherScope } from '../scope/teacher-scope';

/** What a record controller calls: the RecordsEngine's public face; every call carries the caller's teacher scope. */
export interface RecordsApi<C, R> {
  list(query: ListQueryDto, scope: TeacherScope): Promise<Page<R>>;
  get(id: number, scope: TeacherScope): Promise<R>;
  create(body: C, scope: TeacherScope): Promise<R>;
  update(id: number, body: Partial<C>, scope: TeacherScope): Promise<R>;
  remove(id: number, scope: TeacherScope): Promise<void>;
  exportFile(format: ExportFormat, query: ListQueryDto, scope: TeacherScope): StreamableFile;
  upload(file: UploadedSheet, options: UploadQueryDto, scope: TeacherScope): Promise<UploadResultDto>;
}

export interface RecordsRoutes<Q extends ListQueryDto = ListQueryDto> {
  /** For summaries: `a report card`, `report cards`. */
  one: string;
  many: string;
  fileBase: string;
  uploadHeaders: string;
  /** API.md §9: who may create, update, delete and upload; every role reads and exports. */
  writers: readonly Role[];
  createDto: Type<object>;
  updateDto: Type<object>;
  queryDto: Type<Q>;
  responseDto: Type<unknown>;
}

/** `GET export/<kind>`: a file of the filtered list, for every role, rate-limited like every export. */
function ExportRoute(kind: 'excel' | 'csv', summary: string, mime: string): MethodDecorator {
  return applyDecorators(
    Get(`export/${kind}`),
    RateLimited('export'),
    ApiEndpoint({ summary, response: 'binary', produces: mime, roles: ALL_ROLES, errors: [400] }),
  );
}

/**
 * The eleven routes every record domain answers (API.md §3–§4), built once. A domain controller
 * extends the returned class under its own @Controller path and adds its own routes.
 *
 * The request types differ per domain, so TypeScript cannot name them on the parameters (a generic
 * `body: C` is `Object` at run time): each body and list query states its DTO with @ValidBody /
 * @ValidQuery, which validate, whitelist and document it.
 */
export function RecordsController<C extends object, R, Q extends ListQueryDto = ListQueryDto>(routes: RecordsRoutes<Q>) {
  const writers = [...routes.writers];
  const writeErrors = [400, 404, 409, 422];

  abstract class RecordsControllerBase {
    constructor(protected readonly records: RecordsApi<C, R>) {}

    @Get()
    @ApiEndpoint({
      summary: `List ${routes.many} (bare array, total in X-Total-Count)`,
      response: [routes.responseDto],
      roles: ALL_ROLES,
      errors: [400],
    })
    async list(
      @ValidQuery(routes.queryDto) query: Q,
      @Res({ passthrough: true }) reply: FastifyReply,
      @RequestScope() scope: TeacherScope,
    ): Promise<R[]> {
      return sendPage(reply, await this.records.list(query, scope));
    }

    @ExportRoute('excel', `Export ${routes.many} as ${routes.fileBase}.xlsx (list filters apply)`, XLSX_MIME)
    exportExcel(@ValidQuery(routes.queryDto) query: Q, @RequestScope() scope: TeacherScope): StreamableFile {
      return this.records.exportFile('xlsx', query, scope);
    }

    @ExportRoute('csv', `Export ${routes.many} as ${routes.fileBase}.csv (UTF-8 with BOM)`, 'text/csv')
    exportCsv(@ValidQuery(routes.queryDto) query: Q, @RequestScope() scope: TeacherScope): StreamableFile {
      return this.records.exportFile('csv', query, scope);
    }

    @Post('upload/excel')
    @RateLimited('upload')
    @ApiUploadBody(routes.uploadHeaders)
    @ApiEndpoint({
      summary: `Import ${routes.many} from .xlsx or .csv (all rows or none)`,
      response: UploadResultDto,
      roles: writers,
      errors: [400, 409, 413, 415, 422],
    })
    async upload(
      @Req() request: FastifyRequest,
      @Query() query: UploadQueryDto,
      @RequestScope() scope: TeacherScope,
    ): Promise<UploadResultDto> {
      return this.records.upload(await readUploadFile(request), query, scope);
    }

    @Get(':id')
    @ApiEndpoint({ summary: `One of the ${routes.many}`, response: routes.responseDto, roles: ALL_ROLES, errors: [400, 404] })
    get(@Param('id', ParseIdPipe) id: number, @RequestScope() scope: TeacherScope): Promise<R> {
      return this.records.get(id, scope);
    }

    @Post()
    @ApiEndpoint({ summary: `Create ${routes.one}`, response: routes.responseDto, status: 201, roles: writers, errors: [404, 409, 422] })
    create(@ValidBody(routes.createDto) body: C, @RequestScope() scope: TeacherScope): Promise<R> {
      return this.records.create(body, scope);
    }

    @Put(':id')
    @ApiEndpoint({ summary: `Update ${routes.one} (partial)`, response: routes.responseDto, roles: writers, errors: writeErrors })
    update(
      @Param('id', ParseIdPipe) id: number,
      @ValidBody(routes.updateDto) body: Partial<C>,
      @RequestScope() scope: TeacherScope,
    ): Promise<R> {
      return this.records.update(id, body, scope);
    }

    @Patch(':id')
    @ApiEndpoint({ summary: `Update ${routes.one} (alias of PUT)`, response: routes.responseDto, roles: writers, errors: writeErrors })
    patch(
      @Param('id', ParseIdPipe) id: number,
      @ValidBody(routes.updateDto) body: Partial<C>,
      @RequestScope() scope: TeacherScope,
    ): Promise<R> {
      return this.records.update(id, body, scope);
    }

    @Delete(':id')
    @ApiEndpoint({ summary: `Delete ${routes.one}`, response: 'none', status: 204, roles: writers, errors: [400, 404] })
    remove(@Param('id', ParseIdPipe) id: number, @RequestScope() scope: TeacherScope): Promise<void> {
      return this.records.remove(id, scope);
    }
  }

  return RecordsControllerBase;
}
