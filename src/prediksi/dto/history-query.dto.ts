import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingDto } from '../../common/query/page-query.dto';
import { emptyToUndefined } from '../../common/query/query-values';
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

/** GET /prediksi/history [client]: the shared paging, 10 per page by default as the client expects. */
export class HistoryQueryDto extends IntersectionType(PagingDto(10), HistoryFilterDto) {}
