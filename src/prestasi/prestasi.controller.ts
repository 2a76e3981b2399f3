import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Put, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ApiUploadBody, XLSX_MIME } from '../common/spreadsheet/api-upload.decorator';
import { readUploadFile } from '../common/spreadsheet/upload-file';
import { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { ACADEMIC_WRITERS, ALL_ROLES } from '../common/role';
import { CreatePrestasiDto } from './dto/create-prestasi.dto';
import { ListPrestasiQueryDto } from './dto/list-prestasi-query.dto';
import { PrestasiResponseDto } from './dto/prestasi-response.dto';
import { UpdatePrestasiDto } from './dto/update-prestasi.dto';
import { PrestasiService } from './prestasi.service';

/** `/api/prestasi` (API.md §4): reads for every role, writes and uploads for admin and guru. */
@ApiTags('prestasi')
@Controller('prestasi')
export class PrestasiController {
  constructor(private readonly prestasi: PrestasiService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List achievements with nama_siswa and kelas',
    response: [PrestasiResponseDto],
    roles: ALL_ROLES,
    errors: [400],
  })
  async list(@Query() query: ListPrestasiQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PrestasiResponseDto[]> {
    return sendPage(reply, await this.prestasi.list(query));
  }

  @Get('export/excel')
  @ApiEndpoint({
    summary: 'Export achievements as Data_Prestasi.xlsx',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() query: ListPrestasiQueryDto): StreamableFile {
    return this.prestasi.exportFile('xlsx', query);
  }

  @Get('export/csv')
  @ApiEndpoint({
    summary: 'Export achievements as Data_Prestasi.csv',
    response: 'binary',
    produces: 'text/csv',
    roles: ALL_ROLES,
    errors: [400],
  })
  exportCsv(@Query() query: ListPrestasiQueryDto): StreamableFile {
    return this.prestasi.exportFile('csv', query);
  }

  @Post('upload/excel')
  @ApiUploadBody('Siswa ID, Semester, Tahun Ajaran, Kategori, Catatan')
  @ApiEndpoint({
    summary: 'Import achievements (all rows or none)',
    response: UploadResultDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 409, 413, 415, 422],
  })
  async upload(@Req() request: FastifyRequest, @Query() query: UploadQueryDto): Promise<UploadResultDto> {
    return this.prestasi.upload(await readUploadFile(request), query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'One achievement',
    response: PrestasiResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  get(@Param('id', ParseIntPipe) id: number): Promise<PrestasiResponseDto> {
    return this.prestasi.get(id);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Create an achievement',
    response: PrestasiResponseDto,
    status: 201,
    roles: ACADEMIC_WRITERS,
    errors: [404, 409, 422],
  })
  create(@Body() body: CreatePrestasiDto): Promise<PrestasiResponseDto> {
    return this.prestasi.create(body);
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Update an achievement (partial)',
    response: PrestasiResponseDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404, 409, 422],
  })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdatePrestasiDto): Promise<PrestasiResponseDto> {
    return this.prestasi.update(id, body);
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Update an achievement (alias of PUT)',
    response: PrestasiResponseDto,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404, 409, 422],
  })
  patch(@Param('id', ParseIntPipe) id: number, @Body() body: UpdatePrestasiDto): Promise<PrestasiResponseDto> {
    return this.prestasi.update(id, body);
  }

  @Delete(':id')
  @ApiEndpoint({
    summary: 'Delete an achievement',
    response: 'none',
    status: 204,
    roles: ACADEMIC_WRITERS,
    errors: [400, 404],
  })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.prestasi.remove(id);
  }
}
