import { PartialType } from '@nestjs/swagger';
import { CreatePresensiDto } from './create-presensi.dto';

/** PUT/PATCH /presensi/{id}: any subset; the merged record is validated whole, derived fields recomputed. */
export class UpdatePresensiDto extends PartialType(CreatePresensiDto) {}
