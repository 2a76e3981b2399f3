import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { SemesterRecordInputDto } from '../../records/siswa-owned';

function Score(field: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minimum: 0, maximum: 100, example: 85 }),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${field} must be a number` }),
    Min(0, { message: `${field} must be between 0 and 100` }),
    Max(100, { message: `${field} must be between 0 and 100` }),
  );
}

/** POST /nilai: one report card per (siswa, semester, tahun_ajaran); rata_rata is always computed here. */
export class CreateNilaiDto extends SemesterRecordInputDto {
  @Score('matematika') matematika: number;
  @Score('bahasa_indonesia') bahasa_indonesia: number;
  @Score('bahasa_inggris') bahasa_inggris: number;
  @Score('bahasa_jawa') bahasa_jawa: number;
  @Score('ipa') ipa: number;
  @Score('agama') agama: number;
  @Score('pjok') pjok: number;
  @Score('pkn') pkn: number;
  @Score('sejarah') sejarah: number;
  @Score('seni') seni: number;
  @Score('dasar_kejuruan') dasar_kejuruan: number;
}
