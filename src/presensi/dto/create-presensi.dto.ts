import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { SemesterRecordInputDto } from '../../records/siswa-owned';

function DayCount(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minimum: 0, maximum: 366, example: 90 }),
    IsInt(),
    Min(0),
    Max(366),
  );
}

/** POST /presensi: one per (siswa, semester, tahun_ajaran); the four counts must add up to more than 0. */
export class CreatePresensiDto extends SemesterRecordInputDto {
  @DayCount() jumlah_hadir: number;
  @DayCount() jumlah_sakit: number;
  @DayCount() jumlah_izin: number;
  @DayCount() jumlah_alpa: number;
}
