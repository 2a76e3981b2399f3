import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RecordsController } from '../records/records.controller';
import { STUDENT_WRITERS } from '../common/role';
import { CreatePenghasilanDto } from './dto/create-penghasilan.dto';
import { ListPenghasilanQueryDto } from './dto/list-penghasilan-query.dto';
import { PenghasilanResponseDto } from './dto/penghasilan-response.dto';
import { UpdatePenghasilanDto } from './dto/update-penghasilan.dto';
import { PenghasilanService } from './penghasilan.service';

/** `/api/penghasilan` (API.md §4): reads for every role, writes and uploads for admin and staf. */
@ApiTags('penghasilan')
@Controller('penghasilan')
export class PenghasilanController extends RecordsController<CreatePenghasilanDto, PenghasilanResponseDto>({
  one: 'a parents’ income record',
  many: 'parents’ income records',
  fileBase: 'Data_Penghasilan_Orang_Tua',
  uploadHeaders: 'Siswa ID, Penghasilan Ayah, Penghasilan Ibu, Pekerjaan Ayah, Pekerjaan Ibu, Pendidikan Ayah, Pendidikan Ibu',
  writers: STUDENT_WRITERS,
  createDto: CreatePenghasilanDto,
  updateDto: UpdatePenghasilanDto,
  queryDto: ListPenghasilanQueryDto,
  responseDto: PenghasilanResponseDto,
}) {
  constructor(penghasilan: PenghasilanService) {
    super(penghasilan);
  }
}
