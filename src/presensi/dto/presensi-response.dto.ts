import { ApiProperty } from '@nestjs/swagger';
import { KATEGORI_KEHADIRAN } from '../../common/derived/derived';
import type { SiswaJoin } from '../../records/record-spec';
import { SemesterRecordResponseDto, semesterResponse } from '../../records/siswa-owned';
import type { Presensi } from '../presensi.entity';

export class PresensiResponseDto extends SemesterRecordResponseDto {
  @ApiProperty() jumlah_hadir: number;
  @ApiProperty() jumlah_sakit: number;
  @ApiProperty() jumlah_izin: number;
  @ApiProperty() jumlah_alpa: number;
  @ApiProperty({ description: 'hadir / total × 100', example: 90 })
  persentase_kehadiran: number;
  @ApiProperty({ enum: KATEGORI_KEHADIRAN }) kategori_kehadiran: string;
}

export function toPresensiResponse(p: Presensi, join?: SiswaJoin): PresensiResponseDto {
  return {
    ...semesterResponse(p, join),
    jumlah_hadir: p.jumlahHadir,
    jumlah_sakit: p.jumlahSakit,
    jumlah_izin: p.jumlahIzin,
    jumlah_alpa: p.jumlahAlpa,
    persentase_kehadiran: p.persentaseKehadiran,
    kategori_kehadiran: p.kategoriKehadiran,
  };
}
