import { PartialType } from '@nestjs/swagger';
import { CreateNilaiDto } from './create-nilai.dto';

/** PUT/PATCH /nilai/{id}: any subset; the merged record is validated whole and rata_rata recomputed. */
export class UpdateNilaiDto extends PartialType(CreateNilaiDto) {}
