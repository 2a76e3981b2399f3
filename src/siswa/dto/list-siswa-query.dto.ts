import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { emptyToUndefined, ListQueryDto } from '../../common/query/list-query.dto';
import { IsSort, type SortMap } from '../../common/query/sort';
import { canonicalJenisKelamin } from './jenis-kelamin';
import { SISWA_STATUS_FILTERS } from '../siswa-status';

export const SISWA_SORT: SortMap = {
  id: 'r.id',
  nis: 'r.nis',
  nama: 'r.nama',
  kelas: 'r.kelas',
  jenis_kelamin: 'r.jenisKelamin',
  tanggal_lahir: 'r.tanggalLahir',
  status: 'r.status',
  nisn: 'r.nisn',
  created_at: 'r.createdAt',
  updated_at: 'r.updatedAt',
};

/** GET /siswa: `search` matches nama, nis or kelas; filters kelas and jenis_kelamin. */
export class ListSiswaQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'XII IPA 3', description: 'Exact class' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(20)
  kelas?: string;

  @ApiPropertyOptional({ enum: ['Laki-laki', 'Perempuan', 'L', 'P'], description: 'Either spelling, any case' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : (canonicalJenisKelamin(value) ?? value)))
  @IsIn(['L', 'P'])
  jenis_kelamin?: string;

  @ApiPropertyOptional({ enum: SISWA_STATUS_FILTERS, default: 'aktif', description: 'semua (or all): every student' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value))
  @IsIn(SISWA_STATUS_FILTERS)
  status?: string;

  @IsSort(SISWA_SORT)
  sort?: string;
}
