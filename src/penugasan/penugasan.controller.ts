import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { sendPage } from '../common/query/total-count';
import { ADMIN_ONLY } from '../common/role';
import { CreatePenugasanDto, ListPenugasanQueryDto, PenugasanResponseDto } from './penugasan.dto';
import { PenugasanService } from './penugasan.service';

/** `/api/penugasan`: teaching assignments (admin). */
@ApiTags('penugasan')
@Controller('penugasan')
export class PenugasanController {
  constructor(private readonly penugasan: PenugasanService) {}

  @Get()
  @ApiEndpoint({
    summary: 'Teaching assignments (bare array, total in X-Total-Count)',
    response: [PenugasanResponseDto],
    roles: ADMIN_ONLY,
    errors: [400],
  })
  async list(@Query() query: ListPenugasanQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PenugasanResponseDto[]> {
    return sendPage(reply, await this.penugasan.list(query));
  }

  @Post()
  @ApiEndpoint({
    summary: 'Assign a guru a subject of a rombel',
    response: PenugasanResponseDto,
    status: 201,
    roles: ADMIN_ONLY,
    errors: [404, 409, 422],
  })
  create(@Body() body: CreatePenugasanDto): Promise<PenugasanResponseDto> {
    return this.penugasan.create(body);
  }

  @Delete(':id')
  @ApiEndpoint({ summary: 'Remove a teaching assignment', response: 'none', status: 204, roles: ADMIN_ONLY, errors: [400, 404] })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.penugasan.remove(id);
  }
}
