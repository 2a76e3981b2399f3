import { PartialType } from '@nestjs/swagger';
import { CreatePrestasiDto } from './create-prestasi.dto';

/** PUT/PATCH /prestasi/{id}: any subset; the merged record is validated whole. */
export class UpdatePrestasiDto extends PartialType(CreatePrestasiDto) {}
