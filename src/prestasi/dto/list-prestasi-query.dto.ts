import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { emptyToUndefined } from '../../common/query/list-query.dto';
import { IsSort, type SortMap } from '../../common/query/sort';
import { canonicalOf } from '../../records/record-fields';
import { type OwnedListOptions, SEMESTER_SORT } from '../../records/siswa-owned';
import { SemesterListQueryDto } from '../../records/semester-list-query.dto';
import { KATEGORI_PRESTASI } from './create-prestasi.dto';

export const PRESTASI_SORT: SortMap = {
  ...SEMESTER_SORT,
  kategori: 'r.kategori',
};

export class ListPrestasiQueryDto extends SemesterListQueryDto {
  @ApiPropertyOptional({ enum: KATEGORI_PRESTASI })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Transform(canonicalOf(KATEGORI_PRESTASI))
  @IsIn(KATEGORI_PRESTASI)
  kategori?: string;

  @IsSort(PRESTASI_SORT)
  sort?: string;
}

/** What the record engine needs of this list: its sort fields and its category filter. */
export const PRESTASI_LIST: OwnedListOptions = { sortable: PRESTASI_SORT, category: { query: 'kategori', property: 'kategori' } };
