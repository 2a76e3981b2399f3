import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SiswaJoin } from '../../records/record-spec';
import { SemesterRecordResponseDto, semesterResponse } from '../../records/siswa-owned';
import type { Prestasi } from '../prestasi.entity';
import { KATEGORI_PRESTASI } from './create-prestasi.dto';

export class PrestasiResponseDto extends SemesterRecordResponseDto {
  @ApiProperty({ enum: KATEGORI_PRESTASI }) kategori: string;
  @ApiPropertyOptional({ nullable: true, type: String }) catatan: string | null;
}

export function toPrestasiResponse(p: Prestasi, join?: SiswaJoin): PrestasiResponseDto {
  return {
    ...semesterResponse(p, join),
    kategori: p.kategori,
    catatan: p.catatan,
  };
}
