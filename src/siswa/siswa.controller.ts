import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Put, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ApiUploadBody, XLSX_MIME } from '../common/spreadsheet/api-upload.decorator';
import { readUploadFile } from '../common/spreadsheet/upload-file';
import { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { ALL_ROLES, STUDENT_WRITERS } from '../common/role';
import { CreateSiswaDto } from './dto/create-siswa.dto';
import { ListSiswaQueryDto } from './dto/list-siswa-query.dto';
import { SiswaCountDto, SiswaDropdownItemDto, SiswaResponseDto } from './dto/siswa-response.dto';
import { UpdateSiswaDto } from './dto/update-siswa.dto';
import { SiswaService } from './siswa.service';

/** `/api/siswa` (API.md §3): reads for every role, writes and uploads for admin and staf. */
@ApiTags('siswa')
@Controller('siswa')
export class SiswaController {
  constructor(private readonly siswa: SiswaService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List students (bare array, total in X-Total-Count)',
    response: [SiswaResponseDto],
    roles: ALL_ROLES,
    errors: [400],
  })
  async list(@Query() query: ListSiswaQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SiswaResponseDto[]> {
    return sendPage(reply, await this.siswa.list(query));
  }

  @Get('count')
  @ApiEndpoint({
    summary: 'Number of students',
    response: SiswaCountDto,
    roles: ALL_ROLES,
  })
  count(): Promise<SiswaCountDto> {
    return this.siswa.count();
  }

  @Get('dropdown')
  @ApiEndpoint({
    summary: 'Students for a picker: {id, text: "nama (kelas)"} by name',
    response: [SiswaDropdownItemDto],
    roles: ALL_ROLES,
  })
  dropdown(): Promise<SiswaDropdownItemDto[]> {
    return this.siswa.dropdown();
  }

  @Get('export/excel')
  @ApiEndpoint({
    summary: 'Export students as Data_Siswa.xlsx (list filters apply)',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() query: ListSiswaQueryDto): StreamableFile {
    return this.siswa.exportFile('xlsx', query);
  }

  @Get('export/csv')
  @ApiEndpoint({
    summary: 'Export students as Data_Siswa.csv (UTF-8 with BOM)',
    response: 'binary',
    produces: 'text/csv',
    roles: ALL_ROLES,
    errors: [400],
  })
  exportCsv(@Query() query: ListSiswaQueryDto): StreamableFile {
    return this.siswa.exportFile('csv', query);
  }

  @Post('upload/excel')
  @ApiUploadBody('Nama, NIS, Jenis Kelamin, Kelas, Tanggal Lahir, Alamat')
  @ApiEndpoint({
    summary: 'Import students from .xlsx or .csv (all rows or none)',
    response: UploadResultDto,
    roles: STUDENT_WRITERS,
    errors: [400, 409, 413, 415, 422],
  })
  async upload(@Req() request: FastifyRequest, @Query() query: UploadQueryDto): Promise<UploadResultDto> {
    return this.siswa.upload(await readUploadFile(request), query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'One student',
    response: SiswaResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  get(@Param('id', ParseIntPipe) id: number): Promise<SiswaResponseDto> {
    return this.siswa.get(id);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Create a student',
    response: SiswaResponseDto,
    status: 201,
    roles: STUDENT_WRITERS,
    errors: [409, 422],
  })
  create(@Body() body: CreateSiswaDto): Promise<SiswaResponseDto> {
    return this.siswa.create(body);
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Update a student (partial)',
    response: SiswaResponseDto,
    roles: STUDENT_WRITERS,
    errors: [400, 404, 409, 422],
  })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateSiswaDto): Promise<SiswaResponseDto> {
    return this.siswa.update(id, body);
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Update a student (alias of PUT)',
    response: SiswaResponseDto,
    roles: STUDENT_WRITERS,
    errors: [400, 404, 409, 422],
  })
  patch(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateSiswaDto): Promise<SiswaResponseDto> {
    return this.siswa.update(id, body);
  }

  @Delete(':id')
  @ApiEndpoint({
    summary: 'Delete a student and all their records',
    response: 'none',
    status: 204,
    roles: STUDENT_WRITERS,
    errors: [400, 404],
  })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.siswa.remove(id);
  }
}
