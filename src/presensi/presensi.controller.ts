import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordsController } from '../records/records.controller';
import { ACADEMIC_WRITERS } from '../common/role';
import { CreatePresensiDto } from './dto/create-presensi.dto';
import { ListPresensiQueryDto } from './dto/list-presensi-query.dto';
import { PresensiResponseDto } from './dto/presensi-response.dto';
import { UpdatePresensiDto } from './dto/update-presensi.dto';
import { PresensiService } from './presensi.service';

/** `/api/presensi` (API.md §4): reads for every role, writes and uploads for admin and guru. */
@ApiTags('presensi')
@Controller('presensi')
export class PresensiController extends RecordsController<CreatePresensiDto, PresensiResponseDto>({
  one: 'an attendance record',
  many: 'attendance records',
  fileBase: 'Data_Presensi',
  uploadHeaders: 'Siswa ID, Semester, Tahun Ajaran, Jumlah Hadir, Jumlah Sakit, Jumlah Izin, Jumlah Alpa',
  writers: ACADEMIC_WRITERS,
  createDto: CreatePresensiDto,
  updateDto: UpdatePresensiDto,
  queryDto: ListPresensiQueryDto,
  responseDto: PresensiResponseDto,
}) {
  constructor(presensi: PresensiService) {
    super(presensi);
  }
}
