import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { SemesterRecordInputDto } from '../../records/siswa-owned';

function Score(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minimum: 0, maximum: 100, example: 85 }),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(100),
  );
}

/** POST /nilai: one report card per (siswa, semester, tahun_ajaran); rata_rata is always computed here. */
export class CreateNilaiDto extends SemesterRecordInputDto {
  @Score() matematika: number;
  @Score() bahasa_indonesia: number;
  @Score() bahasa_inggris: number;
  @Score() bahasa_jawa: number;
  @Score() ipa: number;
  @Score() agama: number;
  @Score() pjok: number;
  @Score() pkn: number;
  @Score() sejarah: number;
  @Score() seni: number;
  @Score() dasar_kejuruan: number;
}
