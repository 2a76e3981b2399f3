import { Body, Controller, HttpCode, HttpStatus, Delete, Get, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
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

/** `/api/rombel`: class groups and their members. Every role reads; admins write. */
@ApiTags('rombel')
@Controller('rombel')
export class RombelController {
  constructor(
    private readonly rombel: RombelService,
    private readonly rekapService: RekapService,
  ) {}

  @Get()
  @ApiEndpoint({
    summary: 'Rombels by year, tingkat and name (bare array, total in X-Total-Count)',
    response: [RombelResponseDto],
    roles: ALL_ROLES,
    errors: [400],
  })
  async list(@Query() query: ListRombelQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<RombelResponseDto[]> {
    return sendPage(reply, await this.rombel.list(query));
  }

  @Get(':id')
  @ApiEndpoint({ summary: 'One rombel', response: RombelResponseDto, roles: ALL_ROLES, errors: [400, 404] })
  get(@Param('id', ParseIntPipe) id: number): Promise<RombelResponseDto> {
    return this.rombel.get(id);
  }

  @Post()
  @ApiEndpoint({ summary: 'Create a rombel', response: RombelResponseDto, status: 201, roles: ADMIN_ONLY, errors: [404, 409, 422] })
  create(@Body() body: CreateRombelDto): Promise<RombelResponseDto> {
    return this.rombel.create(body);
  }

  @Put(':id')
  @ApiEndpoint({ summary: 'Update a rombel (partial)', response: RombelResponseDto, roles: ADMIN_ONLY, errors: [400, 404, 409, 422] })
  update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateRombelDto): Promise<RombelResponseDto> {
    return this.rombel.update(id, body);
  }

  @Delete(':id')
  @ApiEndpoint({
    summary: 'Delete an empty rombel (its teaching assignments go with it)',
    response: 'none',
    status: 204,
    roles: ADMIN_ONLY,
    errors: [400, 404, 409],
  })
  remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    return this.rombel.remove(id);
  }

  @Get(':id/rekap')
  @ApiEndpoint({
    summary: 'Class recap (leger) for a semester: per subject against the KKM, per student with rank, class totals',
    response: RekapResponseDto,
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  rekap(@Param('id', ParseIntPipe) id: number, @Query() query: RekapQueryDto, @RequestScope() scope: TeacherScope): Promise<RekapResponseDto> {
    return this.rekapService.rekap(id, scope, query.semester);
  }

  @Get(':id/siswa')
  @ApiEndpoint({ summary: 'Members of a rombel by name (bare array)', response: [RombelMemberDto], roles: ALL_ROLES, errors: [400, 404] })
  async members(
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestScope() scope: TeacherScope,
  ): Promise<RombelMemberDto[]> {
    return sendPage(reply, await this.rombel.members(id, scope));
  }

  @Post(':id/siswa')
  @HttpCode(HttpStatus.OK) // reports an outcome; creates no resource of its own
  @ApiEndpoint({
    summary: 'Add students to a rombel (one rombel per student and year; in the active year their kelas becomes the rombel name)',
    response: AddMembersResponseDto,
    roles: ADMIN_ONLY,
    errors: [400, 404, 409, 422],
  })
  addMembers(@Param('id', ParseIntPipe) id: number, @Body() body: AddMembersDto): Promise<AddMembersResponseDto> {
    return this.rombel.addMembers(id, body.siswa_ids);
  }

  @Delete(':id/siswa/:siswaId')
  @ApiEndpoint({ summary: 'Remove a student from a rombel', response: 'none', status: 204, roles: ADMIN_ONLY, errors: [400, 404] })
  removeMember(@Param('id', ParseIntPipe) id: number, @Param('siswaId', ParseIntPipe) siswaId: number): Promise<void> {
    return this.rombel.removeMember(id, siswaId);
  }
}

/** `/api/siswa/{id}/riwayat-kelas`: the student's rombel in each year (kept here, beside the memberships). */
@ApiTags('siswa')
@Controller('siswa')
export class RiwayatKelasController {
  constructor(private readonly rombel: RombelService) {}

  @Get(':id/riwayat-kelas')
  @ApiEndpoint({
    summary: "A student's rombel per school year, oldest first (bare array)",
    response: [RiwayatKelasDto],
    roles: ALL_ROLES,
    errors: [400, 404],
  })
  async riwayat(
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
    @RequestScope() scope: TeacherScope,
  ): Promise<RiwayatKelasDto[]> {
    return sendPage(reply, await this.rombel.riwayatKelas(id, scope));
  }
}
