import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordsController } from '../records/records.controller';
import { ACADEMIC_WRITERS } from '../common/role';
import { CreatePrestasiDto } from './dto/create-prestasi.dto';
import { ListPrestasiQueryDto } from './dto/list-prestasi-query.dto';
import { PrestasiResponseDto } from './dto/prestasi-response.dto';
import { UpdatePrestasiDto } from './dto/update-prestasi.dto';
import { PrestasiService } from './prestasi.service';

/** `/api/prestasi` (API.md §4): reads for every role, writes and uploads for admin and guru. */
@ApiTags('prestasi')
@Controller('prestasi')
export class PrestasiController extends RecordsController<CreatePrestasiDto, PrestasiResponseDto>({
  one: 'an achievement',
  many: 'achievements',
  fileBase: 'Data_Prestasi',
  uploadHeaders: 'Siswa ID, Semester, Tahun Ajaran, Kategori, Catatan',
  writers: ACADEMIC_WRITERS,
  createDto: CreatePrestasiDto,
  updateDto: UpdatePrestasiDto,
  queryDto: ListPrestasiQueryDto,
  responseDto: PrestasiResponseDto,
}) {
  constructor(prestasi: PrestasiService) {
    super(prestasi);
  }
}
