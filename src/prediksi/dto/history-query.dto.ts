import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PagingDto } from '../../common/query/page-query.dto';
import { emptyToUndefined } from '../../common/query/query-values';
import { KelasFilter, SemesterFilter, SiswaIdFilter, TahunAjaranFilter } from '../../records/semester-list-query.dto';
import { KATEGORI_PRESTASI } from '../domain/feature-catalogue';

/** Filters of the history list and its export. */
export class HistoryFilterDto {
  @SiswaIdFilter()
  siswa_id?: number;

  @KelasFilter({ example: 'XII IPA 1' })
  kelas?: string;

  @SemesterFilter()
  semester?: string;

  @TahunAjaranFilter()
  tahun_ajaran?: string;

  @ApiPropertyOptional({ enum: KATEGORI_PRESTASI })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(KATEGORI_PRESTASI)
  prediksi_prestasi?: string;
}

/** GET /prediksi/history [client]: the shared paging, 10 per page by default as the client expects. */
export class HistoryQueryDto extends IntersectionType(PagingDto(10), HistoryFilterDto) {}
