import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { KATEGORI_PENGHASILAN } from '../../common/derived/derived';
import { emptyToUndefined } from '../../common/query/list-query.dto';
import { IsSort, type SortMap } from '../../common/query/sort';
import { canonicalOf } from '../../records/record-fields';
import { type OwnedListOptions, OWNED_SORT } from '../../records/siswa-owned';
import { SiswaRecordListQueryDto } from '../../records/semester-list-query.dto';

export const PENGHASILAN_SORT: SortMap = {
  ...OWNED_SORT,
  penghasilan_ayah: 'r.penghasilanAyah',
  penghasilan_ibu: 'r.penghasilanIbu',
  total_penghasilan: 'r.totalPenghasilan',
  kategori_penghasilan: 'r.kategoriPenghasilan',
};

export class ListPenghasilanQueryDto extends SiswaRecordListQueryDto {
  @ApiPropertyOptional({ enum: KATEGORI_PENGHASILAN })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Transform(canonicalOf(KATEGORI_PENGHASILAN))
  @IsIn(KATEGORI_PENGHASILAN)
  kategori_penghasilan?: string;

  @IsSort(PENGHASILAN_SORT)
  sort?: string;
}

/** What the record engine needs of this list: its sort fields and its category filter. */
export const PENGHASILAN_LIST: OwnedListOptions = { sortable: PENGHASILAN_SORT, category: { query: 'kategori_penghasilan', property: 'kategoriPenghasilan' } };
