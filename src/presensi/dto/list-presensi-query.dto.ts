import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { KATEGORI_KEHADIRAN } from '../../common/derived/derived';
import { emptyToUndefined } from '../../common/query/list-query.dto';
import { IsSort, type SortMap } from '../../common/query/sort';
import { canonicalOf } from '../../records/record-fields';
import { type OwnedListOptions, SEMESTER_SORT } from '../../records/siswa-owned';
import { SemesterListQueryDto } from '../../records/semester-list-query.dto';

export const PRESENSI_SORT: SortMap = {
  ...SEMESTER_SORT,
  jumlah_hadir: 'r.jumlahHadir',
  jumlah_sakit: 'r.jumlahSakit',
  jumlah_izin: 'r.jumlahIzin',
  jumlah_alpa: 'r.jumlahAlpa',
  persentase_kehadiran: 'r.persentaseKehadiran',
  kategori_kehadiran: 'r.kategoriKehadiran',
};

export class ListPresensiQueryDto extends SemesterListQueryDto {
  @ApiPropertyOptional({ enum: KATEGORI_KEHADIRAN })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Transform(canonicalOf(KATEGORI_KEHADIRAN))
  @IsIn(KATEGORI_KEHADIRAN)
  kategori_kehadiran?: string;

  @IsSort(PRESENSI_SORT)
  sort?: string;
}

/** What the record engine needs of this list: its sort fields and its category filter. */
export const PRESENSI_LIST: OwnedListOptions = { sortable: PRESENSI_SORT, category: { query: 'kategori_kehadiran', property: 'kategoriKehadiran' } };
