import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { RecordsController } from '../records/records.controller';
import { ALL_ROLES, STUDENT_WRITERS } from '../common/role';
import { CreateSiswaDto } from './dto/create-siswa.dto';
import { ListSiswaQueryDto } from './dto/list-siswa-query.dto';
import { SiswaCountDto, SiswaDropdownItemDto, SiswaResponseDto } from './dto/siswa-response.dto';
import { UpdateSiswaDto } from './dto/update-siswa.dto';
import { SiswaService } from './siswa.service';
import { RequestScope } from '../scope/request-scope.decorator';
import type { TeacherScope } from '../scope/teacher-scope';

/** `/api/siswa` (API.md §3): reads for every role, writes and uploads for admin and staf. */
@ApiTags('siswa')
@Controller('siswa')
export class SiswaController extends RecordsController<CreateSiswaDto, SiswaResponseDto>({
  one: 'a student',
  many: 'students',
  fileBase: 'Data_Siswa',
  uploadHeaders: 'Nama, NIS, Jenis Kelamin, Kelas, Tanggal Lahir, Alamat',
  writers: STUDENT_WRITERS,
  createDto: CreateSiswaDto,
  updateDto: UpdateSiswaDto,
  queryDto: ListSiswaQueryDto,
  responseDto: SiswaResponseDto,
}) {
  constructor(private readonly siswa: SiswaService) {
    super(siswa);
  }

  @Get('count')
  @ApiEndpoint({ summary: 'Number of students', response: SiswaCountDto, roles: ALL_ROLES })
  count(@RequestScope() scope: TeacherScope): Promise<SiswaCountDto> {
    return this.siswa.count(scope);
  }

  @Get('dropdown')
  @ApiEndpoint({ summary: 'Students for a picker: {id, text: "nama (kelas)"} by name', response: [SiswaDropdownItemDto], roles: ALL_ROLES })
  dropdown(@RequestScope() scope: TeacherScope): Promise<SiswaDropdownItemDto[]> {
    return this.siswa.dropdown(scope);
  }
}
