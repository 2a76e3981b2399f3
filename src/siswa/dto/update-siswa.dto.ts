import { PartialType } from '@nestjs/swagger';
import { CreateSiswaDto } from './create-siswa.dto';

/** PUT/PATCH /siswa/{id}: any subset of the fields; the merged record is validated whole. */
export class UpdateSiswaDto extends PartialType(CreateSiswaDto) {}
