import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { emptyToUndefined, ListQueryDto } from '../common/query/list-query.dto';
import { SemesterField, SiswaIdField, TahunAjaranField } from './record-fields';

/** Filters shared by the lists of rows that belong to a student (nilai, presensi, penghasilan, prestasi). */
export class SiswaRecordListQueryDto extends ListQueryDto {
  @Transform(emptyToUndefined)
  @SiswaIdField({ optional: true, fromQuery: true })
  siswa_id?: number;

  @ApiPropertyOptional({
    description: "The student's class, exact match",
    example: 'XII IPA 3',
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(20)
  kelas?: string;
}

/** …and, for rows kept per semester (nilai, presensi, prestasi), the semester filters. */
export class SemesterListQueryDto extends SiswaRecordListQueryDto {
  @Transform(emptyToUndefined)
  @SemesterField(true)
  semester?: string;

  @Transform(emptyToUndefined)
  @TahunAjaranField(true)
  tahun_ajaran?: string;
}
