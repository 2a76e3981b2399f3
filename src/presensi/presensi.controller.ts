import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Put, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ApiUploadBody, XLSX_MIME } from '../common/spreadsheet/api-upload.decorator';
import { readUploadFile } from '../common/spreadsheet/upload-file';
import { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { ACADEMIC_WRITERS, ALL_ROLES } from '../common/role';
import { CreatePresensiDto } from './dto/create-presensi.dto';
import { ListPresensiQueryDto } from './dto/list-presensi-query.dto';
import { PresensiResponseDto } from './dto/presensi-response.dto';
import { UpdatePresensiDto } from './dto/update-presensi.dto';
import { PresensiService } from './presensi.service';

/** `/api/presensi` (API.md §4): reads for every role, writes and uploads for admin and guru. */
@ApiTags('presensi')
@Controller('presensi')
export class PresensiController {
  constructor(private readonly presensi: PresensiService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List attendance records with nama_siswa and kelas',
    response: [PresensiResponseDto],
    roles: ALL_ROLES,
    errors: [400],
  })
  async list(@Query() query: ListPresensiQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PresensiResponseDto[]> {
    return sendPage(reply, await this.presensi.list(query));
  }

  @Get('export/excel')
  @ApiEndpoint({
    summary: 'Export attendance records as Data_Presensi.xlsx',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() query: ListPresensiQueryDto): StreamableFile {
    return this.presensi.exportFile('xlsx', query);
  }

  @Get('export/csv')
  @ApiEndpoint({
    summary: 'Export attendance records as Data_Presensi.csv',
    response: 'binary',
    produces: 'text/csv',
    roles: ALL_ROLES,
    errors: [400],
  })
  exportCsv(@Query() query: ListPresensiQueryDto): StreamableFile {
    return this.presensi.exportFile('csv', query);
  }

  @Post('upload/excel')
  @ApiUploadBody('Siswa ID, Semester, Tahun Ajaran, Jumlah Hadir, Jumlah Sakit, Jumlah Izin, Jumlah Alpa')
  @ApiEndpoint({
    summary: 'Import attendance records (all rows or none)',
    response: UploadResultDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 409, 413, 415, 422],
  })
  async upload(@Req() request: FastifyRequest, @Query() query: UploadQueryDto): Promise<UploadResultDto> {
    return this.presensi.upload(await readUploadFile(request), query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'One attendance record',
    response: PresensiResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  get(@Param('id', ParseIntPipe) id: number): Promise<PresensiResponseDto> {
    return this.presensi.get(id);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Create an attendance record',
    response: PresensiResponseDto,
    status: 201,
    roles: ACADEMIC_WRITERS,
    errors: [404, 409, 422],
  })
  create(@Body() body: CreatePresensiDto): Promise<PresensiResponseDto> {
    return this.presensi.create(body);
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Update an attendance record (partial)',
    response: PresensiResponseDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404, 409, 422],
  })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdatePresensiDto): Promise<PresensiResponseDto> {
    return this.presensi.update(id, body);
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Update an attendance record (alias of PUT)',
    response: PresensiResponseDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404, 409, 422],
  })
  patch(@Param('id', ParseIntPipe) id: number, @Body() body: UpdatePresensiDto): Promise<PresensiResponseDto> {
    return this.presensi.update(id, body);
  }

  @Delete(':id')
  @ApiEndpoint({
    summary: 'Delete an attendance record',
    response: 'none',
    status: 204,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404],
  })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.presensi.remove(id);
  }
}
