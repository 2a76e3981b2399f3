import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordsController } from '../records/records.controller';
import { ACADEMIC_WRITERS } from '../common/role';
import { CreateNilaiDto } from './dto/create-nilai.dto';
import { ListNilaiQueryDto } from './dto/list-nilai-query.dto';
import { NilaiResponseDto } from './dto/nilai-response.dto';
import { UpdateNilaiDto } from './dto/update-nilai.dto';
import { NilaiService } from './nilai.service';

/** `/api/nilai` (API.md §4): reads for every role, writes and uploads for admin and guru. */
@ApiTags('nilai')
@Controller('nilai')
export class NilaiController extends RecordsController<CreateNilaiDto, NilaiResponseDto>({
  one: 'a report card',
  many: 'report cards',
  fileBase: 'Data_Nilai_Raport',
  uploadHeaders:
    'Siswa ID, Semester, Tahun Ajaran, Matematika, Bahasa Indonesia, Bahasa Inggris, IPA, Bahasa Jawa, Agama, PJOK, PKN, Sejarah, Seni, Dasar Kejuruan',
  writers: ACADEMIC_WRITERS,
  createDto: CreateNilaiDto,
  updateDto: UpdateNilaiDto,
  queryDto: ListNilaiQueryDto,
  responseDto: NilaiResponseDto,
}) {
  constructor(nilai: NilaiService) {
    super(nilai);
  }
}
