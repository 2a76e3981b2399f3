import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { ParseIdPipe } from '../common/http/parse-id.pipe';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { routePolicy } from '../common/openapi/route-policy';
import { sendPage } from '../common/query/total-count';
import { ADMIN_ONLY, ALL_ROLES } from '../common/role';
import {
  AddMembersDto,
  AddMembersResponseDto,
  CreateRombelDto,
  ListRombelQueryDto,
  RiwayatKelasDto,
  RombelMemberDto,
  RombelResponseDto,
  UpdateRombelDto,
} from './dto/rombel.dto';
import { RombelService } from './rombel.service';
import { RekapService } from './rekap.service';
import { RekapQueryDto, RekapResponseDto } from './dto/rekap.dto';
import { RequestScope } from '../scope/request-scope.decorator';
import type { TeacherScope } from '../scope/teacher-scope';

/** Every role reads rombels and their members; admins write. */
const route = routePolicy({ read: ALL_ROLES, write: ADMIN_ONLY });

/** `/api/rombel`: class groups and their members. */
@ApiTags('rombel')
@Controller('rombel')
export class RombelController {
  constructor(
    private readonly rombel: RombelService,
    private readonly rekapService: RekapService,
  ) {}

  @route.get('', 'Rombels by year, tingkat and name (bare array, total in X-Total-Count)', [RombelResponseDto], [400])
  async list(@Query() query: ListRombelQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<RombelResponseDto[]> {
    return sendPage(reply, await this.rombel.list(query));
  }

  @route.get(':id', 'One rombel', RombelResponseDto, [400, 404])
  get(@Param('id', ParseIdPipe) id: number): Promise<RombelResponseDto> {
    return this.rombel.get(id);
  }

  @route.create('', 'Create a rombel', RombelResponseDto, [404, 409, 422])
  create(@Body() body: CreateRombelDto): Promise<RombelResponseDto> {
    return this.rombel.create(body);
  }

  @route.put(':id', 'Update a rombel (partial)', RombelResponseDto, [400, 404, 409, 422])
  update(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateRombelDto): Promise<RombelResponseDto> {
    return this.rombel.update(id, body);
  }

  @route.delete(':id', 'Delete an empty rombel (its teaching assignments go with it)', [400, 404, 409])
  remove(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.rombel.remove(id);
  }

  @route.get(
    ':id/rekap',
    'Class recap (leger) for a semester: per subject against the KKM, per student with rank, class totals',
    RekapResponseDto,
    [400, 404],
  )
  rekap(
    @Param('id', ParseIdPipe) id: number,
    @Query() query: RekapQueryDto,
    @RequestScope() scope: TeacherScope,
  ): Promise<RekapResponseDto> {
    return this.rekapService.rekap(id, scope, query.semester);
  }

  @route.get(':id/siswa', 'Members of a rombel by name (bare array)', [RombelMemberDto], [400, 404])
  async members(
    @Param('id', ParseIdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestScope() scope: TeacherScope,
  ): Promise<RombelMemberDto[]> {
    return sendPage(reply, await this.rombel.members(id, scope));
  }

  @route.post(
    ':id/siswa',
    'Add students to a rombel (one rombel per student and year; in the active year their kelas becomes the rombel name)',
    AddMembersResponseDto,
    [400, 404, 409, 422],
  )
  addMembers(@Param('id', ParseIdPipe) id: number, @Body() body: AddMembersDto): Promise<AddMembersResponseDto> {
    return this.rombel.addMembers(id, body.siswa_ids);
  }

  @route.delete(':id/siswa/:siswaId', 'Remove a student from a rombel', [400, 404])
  removeMember(@Param('id', ParseIdPipe) id: number, @Param('siswaId', ParseIdPipe) siswaId: number): Promise<void> {
    return this.rombel.removeMember(id, siswaId);
  }
}

/** `/api/siswa/{id}/riwayat-kelas`: the student's rombel in each year (kept here, beside the memberships). */
@ApiTags('siswa')
@Controller('siswa')
export class RiwayatKelasController {
  constructor(private readonly rombel: RombelService) {}

  @route.get(':id/riwayat-kelas', "A student's rombel per school year, oldest first (bare array)", [RiwayatKelasDto], [400, 404])
  async riwayat(
    @Param('id', ParseIdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestScope() scope: TeacherScope,
  ): Promise<RiwayatKelasDto[]> {
    return sendPage(reply, await this.rombel.riwayatKelas(id, scope));
  }
}
