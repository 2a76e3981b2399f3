import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Put, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ApiUploadBody, XLSX_MIME } from '../common/spreadsheet/api-upload.decorator';
import { readUploadFile } from '../common/spreadsheet/upload-file';
import { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { ACADEMIC_WRITERS, ALL_ROLES } from '../common/role';
import { CreateNilaiDto } from './dto/create-nilai.dto';
import { ListNilaiQueryDto } from './dto/list-nilai-query.dto';
import { NilaiResponseDto } from './dto/nilai-response.dto';
import { UpdateNilaiDto } from './dto/update-nilai.dto';
import { NilaiService } from './nilai.service';

/** `/api/nilai` (API.md §4): reads for every role, writes and uploads for admin and guru. */
@ApiTags('nilai')
@Controller('nilai')
export class NilaiController {
  constructor(private readonly nilai: NilaiService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List report cards with nama_siswa and kelas',
    response: [NilaiResponseDto],
    roles: ALL_ROLES,
    errors: [400],
  })
  async list(@Query() query: ListNilaiQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<NilaiResponseDto[]> {
    return sendPage(reply, await this.nilai.list(query));
  }

  @Get('export/excel')
  @ApiEndpoint({
    summary: 'Export report cards as Data_Nilai_Raport.xlsx',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() query: ListNilaiQueryDto): StreamableFile {
    return this.nilai.exportFile('xlsx', query);
  }

  @Get('export/csv')
  @ApiEndpoint({
    summary: 'Export report cards as Data_Nilai_Raport.csv',
    response: 'binary',
    produces: 'text/csv',
    roles: ALL_ROLES,
    errors: [400],
  })
  exportCsv(@Query() query: ListNilaiQueryDto): StreamableFile {
    return this.nilai.exportFile('csv', query);
  }

  @Post('upload/excel')
  @ApiUploadBody('Siswa ID, Semester, Tahun Ajaran and the eleven subject columns of the export')
  @ApiEndpoint({
    summary: 'Import report cards (all rows or none)',
    response: UploadResultDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 409, 413, 415, 422],
  })
  async upload(@Req() request: FastifyRequest, @Query() query: UploadQueryDto): Promise<UploadResultDto> {
    return this.nilai.upload(await readUploadFile(request), query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'One report card',
    response: NilaiResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  get(@Param('id', ParseIntPipe) id: number): Promise<NilaiResponseDto> {
    return this.nilai.get(id);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Create a report card',
    response: NilaiResponseDto,
    status: 201,
    roles: ACADEMIC_WRITERS,
    errors: [404, 409, 422],
  })
  create(@Body() body: CreateNilaiDto): Promise<NilaiResponseDto> {
    return this.nilai.create(body);
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Update a report card (partial)',
    response: NilaiResponseDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404, 409, 422],
  })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateNilaiDto): Promise<NilaiResponseDto> {
    return this.nilai.update(id, body);
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Update a report card (alias of PUT)',
    response: NilaiResponseDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404, 409, 422],
  })
  patch(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateNilaiDto): Promise<NilaiResponseDto> {
    return this.nilai.update(id, body);
  }

  @Delete(':id')
  @ApiEndpoint({
    summary: 'Delete a report card',
    response: 'none',
    status: 204,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404],
  })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.nilai.remove(id);
  }
}
