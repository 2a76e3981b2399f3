import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { routePolicy } from '../common/openapi/route-policy';
import { sendPage } from '../common/query/total-count';
import { ADMIN_ONLY } from '../common/role';
import { CreatePenugasanDto, ListPenugasanQueryDto, PenugasanResponseDto } from './penugasan.dto';
import { PenugasanService } from './penugasan.service';

/** Teaching assignments are the admin's, reads included. */
const route = routePolicy({ read: ADMIN_ONLY, write: ADMIN_ONLY });

/** `/api/penugasan`: teaching assignments. */
@ApiTags('penugasan')
@Controller('penugasan')
export class PenugasanController {
  constructor(private readonly penugasan: PenugasanService) {}

  @route.get('', 'Teaching assignments (bare array, total in X-Total-Count)', [PenugasanResponseDto], [400])
  async list(@Query() query: ListPenugasanQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<PenugasanResponseDto[]> {
    return sendPage(reply, await this.penugasan.list(query));
  }

  @route.create('', 'Assign a guru a subject of a rombel', PenugasanResponseDto, [404, 409, 422])
  create(@Body() body: CreatePenugasanDto): Promise<PenugasanResponseDto> {
    return this.penugasan.create(body);
  }

  @route.delete(':id', 'Remove a teaching assignment', [400, 404])
  remove(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.penugasan.remove(id);
  }
}
