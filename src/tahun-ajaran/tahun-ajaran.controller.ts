import { Body, Controller, HttpCode, HttpStatus, Get, Param, ParseIntPipe, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ADMIN_ONLY, ALL_ROLES } from '../common/role';
import { KkmResponseDto, UpdateKkmDto } from './dto/kkm.dto';
import { ActivateTahunAjaranDto, CreateTahunAjaranDto, TahunAjaranResponseDto, UpdateTahunAjaranDto } from './dto/tahun-ajaran.dto';
import { TahunAjaranService } from './tahun-ajaran.service';

/** `/api/tahun-ajaran`: every role reads the years (pickers need them); admins write. */
@ApiTags('tahun-ajaran')
@Controller('tahun-ajaran')
export class TahunAjaranController {
  constructor(private readonly years: TahunAjaranService) {}

  @Get()
  @ApiEndpoint({
    summary: 'School years by name (bare array, total in X-Total-Count)',
    response: [TahunAjaranResponseDto],
    roles: ALL_ROLES,
  })
  async list(@Res({ passthrough: true }) reply: FastifyReply): Promise<TahunAjaranResponseDto[]> {
    return sendPage(reply, await this.years.list());
  }

  @Get('aktif')
  @ApiEndpoint({ summary: 'The active school year', response: TahunAjaranResponseDto, roles: ALL_ROLES, errors: [404] })
  active(): Promise<TahunAjaranResponseDto> {
    return this.years.active();
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One school year', response: TahunAjaranResponseDto, roles: ALL_ROLES, errors: [400, 404] })
  get(@Param('id', ParseIntPipe) id: number): Promise<TahunAjaranResponseDto> {
    return this.years.get(id);
  }

  @Post()
  @ApiEndpoint({
    summary: 'Create a school year (the first one is active)',
    response: TahunAjaranResponseDto,
    status: 201,
    roles: ADMIN_ONLY,
    errors: [409, 422],
  })
  create(@Body() body: CreateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    return this.years.create(body);
  }

  @Put(':id')
  @ApiEndpoint({
    summary: 'Update a school year (partial)',
    response: TahunAjaranResponseDto,
    roles: ADMIN_ONLY,
    errors: [400, 404, 409, 422],
  })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    return this.years.update(id, body);
  }

  @Post(':id/activate')
  @HttpCode(HttpStatus.OK) // reports an outcome; creates no resource of its own
  @ApiEndpoint({
    summary: 'Make this the active school year (members of its rombels get the rombel name as kelas)',
    response: TahunAjaranResponseDto,
    roles: ADMIN_ONLY,
    errors: [400, 404, 409, 422],
  })
  activate(@Param('id', ParseIntPipe) id: number, @Body() body: ActivateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    return this.years.activate(id, body?.semester_aktif);
  }

  @Get(':id/kkm')
  @ApiEndpoint({ summary: 'KKM of every subject in the year', response: KkmResponseDto, roles: ALL_ROLES, errors: [400, 404] })
  kkm(@Param('id', ParseIntPipe) id: number): Promise<KkmResponseDto> {
    return this.years.kkm(id);
  }

  @Put(':id/kkm')
  @ApiEndpoint({
    summary: 'Set the default KKM and/or subjects’ own KKM (null: back to the default)',
    response: KkmResponseDto,
    roles: ADMIN_ONLY,
    errors: [400, 404, 422],
  })
  updateKkm(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateKkmDto): Promise<KkmResponseDto> {
    return this.years.updateKkm(id, body);
  }
}
