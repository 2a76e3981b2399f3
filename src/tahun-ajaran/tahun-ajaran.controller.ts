import { Body, Controller, Param, Res } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { routePolicy } from '../common/openapi/route-policy';
import { sendPage } from '../common/query/total-count';
import { ADMIN_ONLY, ALL_ROLES } from '../common/role';
import { KkmResponseDto, UpdateKkmDto } from './dto/kkm.dto';
import { ActivateTahunAjaranDto, CreateTahunAjaranDto, TahunAjaranResponseDto, UpdateTahunAjaranDto } from './dto/tahun-ajaran.dto';
import { TahunAjaranService } from './tahun-ajaran.service';

/** Every role reads the years (pickers need them); admins write. */
const route = routePolicy({ read: ALL_ROLES, write: ADMIN_ONLY });

/** `/api/tahun-ajaran`: the school years and their KKM. */
@ApiTags('tahun-ajaran')
@Controller('tahun-ajaran')
export class TahunAjaranController {
  constructor(private readonly years: TahunAjaranService) {}

  @route.get('', 'School years by name (bare array, total in X-Total-Count)', [TahunAjaranResponseDto])
  async list(@Res({ passthrough: true }) reply: FastifyReply): Promise<TahunAjaranResponseDto[]> {
    return sendPage(reply, await this.years.list());
  }

  @route.get('aktif', 'The active school year', TahunAjaranResponseDto, [404])
  active(): Promise<TahunAjaranResponseDto> {
    return this.years.active();
  }

  @route.get(':id', 'One school year', TahunAjaranResponseDto, [400, 404])
  get(@Param('id', ParseIdPipe) id: number): Promise<TahunAjaranResponseDto> {
    return this.years.get(id);
  }

  @route.create('', 'Create a school year (the first one is active)', TahunAjaranResponseDto, [409, 422])
  create(@Body() body: CreateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    return this.years.create(body);
  }

  @route.put(':id', 'Update a school year (partial)', TahunAjaranResponseDto, [400, 404, 409, 422])
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    return this.years.update(id, body);
  }

  @route.post(':id/activate', 'Make this the active school year (members of its rombels get the rombel name as kelas)', TahunAjaranResponseDto, [400, 404, 409, 422])
  activate(@Param('id', ParseIdPipe) id: number, @Body() body: ActivateTahunAjaranDto): Promise<TahunAjaranResponseDto> {
    return this.years.activate(id, body?.semester_aktif);
  }

  @route.get(':id/kkm', 'KKM of every subject in the year', KkmResponseDto, [400, 404])
  kkm(@Param('id', ParseIdPipe) id: number): Promise<KkmResponseDto> {
    return this.years.kkm(id);
  }

  @route.put(':id/kkm', 'Set the default KKM and/or subjects’ own KKM (null: back to the default)', KkmResponseDto, [400, 404, 422])
  updateKkm(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateKkmDto): Promise<KkmResponseDto> {
    return this.years.updateKkm(id, body);
  }
}
