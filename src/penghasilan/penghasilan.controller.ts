import { Body, Controller, Delete, Get, Param, ParseIntPipe, Patch, Post, Put, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ApiUploadBody, XLSX_MIME } from '../common/spreadsheet/api-upload.decorator';
import { readUploadFile } from '../common/spreadsheet/upload-file';
import { UploadQueryDto, UploadResultDto } from '../common/spreadsheet/upload.dto';
import { STUDENT_WRITERS, ALL_ROLES } from '../common/role';
import { CreatePenghasilanDto } from './dto/create-penghasilan.dto';
import { ListPenghasilanQueryDto } from './dto/list-penghasilan-query.dto';
import { PenghasilanResponseDto } from './dto/penghasilan-response.dto';
import { UpdatePenghasilanDto } from './dto/update-penghasilan.dto';
import { PenghasilanService } from './penghasilan.service';

/** `/api/penghasilan` (API.md §4): reads for every role, writes and uploads for admin and staf. */
@ApiTags('penghasilan')
@Controller('penghasilan')
export class PenghasilanController {
  constructor(private readonly penghasilan: PenghasilanService) {}

  @Get()
  @ApiEndpoint({
    summary: 'List parents’ income records with nama_siswa and kelas',
    response: [PenghasilanResponseDto],
    roles: ALL_ROLES,
    errors: [400],
  })
  async list(@Query() query: ListPenghasilanQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PenghasilanResponseDto[]> {
    return sendPage(reply, await this.penghasilan.list(query));
  }

  @Get('export/excel')
  @ApiEndpoint({
    summary: 'Export parents’ income records as Data_Penghasilan_Orang_Tua.xlsx',
    response: 'binary',
    produces: XLSX_MIME,
    roles: ALL_ROLES,
    errors: [400],
  })
  exportExcel(@Query() query: ListPenghasilanQueryDto): StreamableFile {
    return this.penghasilan.exportFile('xlsx', query);
  }

  @Get('export/csv')
  @ApiEndpoint({
    summary: 'Export parents’ income records as Data_Penghasilan_Orang_Tua.csv',
    response: 'binary',
    produces: 'text/csv',
    roles: ALL_ROLES,
    errors: [400],
  })
  exportCsv(@Query() query: ListPenghasilanQueryDto): StreamableFile {
    return this.penghasilan.exportFile('csv', query);
  }

  @Post('upload/excel')
  @ApiUploadBody('Siswa ID, Penghasilan Ayah, Penghasilan Ibu, Pekerjaan Ayah, Pekerjaan Ibu, Pendidikan Ayah, Pendidikan Ibu')
  @ApiEndpoint({
    summary: 'Import parents’ income records (all rows or none)',
    response: UploadResultDto,
    roles: STUDENT_WRITERS,
    errors: [400, 409, 413, 415, 422],
  })
  async upload(@Req() request: FastifyRequest, @Query() query: UploadQueryDto): Promise<UploadResultDto> {
    return this.penghasilan.upload(await readUploadFile(request), query);
  }

  @Get(':id')
  @ApiEndpoint({
    summary: 'One parents’ income record',
    response: PenghasilanResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  get(@Param('id', ParseIntPipe) id: number): Promise<PenghasilanResponseDto> {
    return this.penghasilan.get(id);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Create a parents’ income record',
    response: PenghasilanResponseDto,
    status: 201,
    roles: STUDENT_WRITERS,
    errors: [404, 409, 422],
  })
  create(@Body() body: CreatePenghasilanDto): Promise<PenghasilanResponseDto> {
    return this.penghasilan.create(body);
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Update a parents’ income record (partial)',
    response: PenghasilanResponseDto,
    roles: STUDENT_WRITERS,
    errors: [400, 404, 409, 422],
  })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdatePenghasilanDto): Promise<PenghasilanResponseDto> {
    return this.penghasilan.update(id, body);
  }

  @Patch(':id')
  @ApiEndpoint({
    summary: 'Update a parents’ income record (alias of PUT)',
    response: PenghasilanResponseDto,
    roles: STUDENT_WRITERS,
    errors: [400, 404, 409, 422],
  })
  patch(@Param('id', ParseIntPipe) id: number, @Body() body: UpdatePenghasilanDto): Promise<PenghasilanResponseDto> {
    return this.penghasilan.update(id, body);
  }

  @Delete(':id')
  @ApiEndpoint({
    summary: 'Delete a parents’ income record',
    response: 'none',
    status: 204,
    roles: STUDENT_WRITERS,
    errors: [400, 404],
  })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.penghasilan.remove(id);
  }
}
