import { PartialType } from '@nestjs/swagger';
import { CreatePenghasilanDto } from './create-penghasilan.dto';

/** PUT/PATCH /penghasilan/{id}: any subset; the merged record is validated whole, derived fields recomputed. */
export class UpdatePenghasilanDto extends PartialType(CreatePenghasilanDto) {}
