import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { emptyToUndefined, MAX_LIMIT } from '../../common/query/list-query.dto';
import { SemesterField, SiswaIdField, TahunAjaranField } from '../../records/record-fields';
import { KATEGORI_PRESTASI } from '../domain/feature-catalogue';

/** Filters of the history list and its export. */
export class HistoryFilterDto {
  @Transform(emptyToUndefined)
  @SiswaIdField({ optional: true, fromQuery: true })
  siswa_id?: number;

  @ApiPropertyOptional({ example: 'XII IPA 1' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(20)
  kelas?: string;

  @Transform(emptyToUndefined)
  @SemesterField(true)
  semester?: string;

  @Transform(emptyToUndefined)
  @TahunAjaranField(true)
  tahun_ajaran?: string;

  @ApiPropertyOptional({ enum: KATEGORI_PRESTASI })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(KATEGORI_PRESTASI)
  prediksi_prestasi?: string;
}

/** GET /prediksi/history [client]: paging defaults to 10 per page, as the client expects. */
export class HistoryQueryDto extends HistoryFilterDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  skip: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit: number = 10;
}
