import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { emptyToUndefined } from '../../common/query/list-query.dto';
import { SemesterField, SiswaIdField, TahunAjaranField } from '../../records/record-fields';
import { KATEGORI_KEHADIRAN, KATEGORI_PENGHASILAN } from '../../common/derived/derived';
import type { Semester } from '../domain/semester';

/** POST /prediksi [client]: a student and the semester whose records to predict from. */
export class PredictRequestDto {
  @SiswaIdField({ fromQuery: true })
  siswa_id: number;

  @SemesterField()
  semester: Semester;

  @TahunAjaranField()
  tahun_ajaran: string;
}

/** POST /prediksi/batch [client]. */
export class BatchPredictRequestDto {
  @SemesterField()
  semester: Semester;

  @TahunAjaranField()
  tahun_ajaran: string;

  @ApiPropertyOptional({ description: 'Only this class (exact match); all students when empty', example: 'XII IPA 1' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(20)
  kelas?: string;
}

const Score = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, minimum: 0, maximum: 100 }),
    IsOptional(),
    Type(() => Number),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    Min(0),
    Max(100),
  );

/**
 * POST /prediksi/what-if: raw features, any subset of the catalogue. Features the active model uses
 * but the request omits are treated as unknown (C4.5 spreads them over the branches).
 */
export class WhatIfRequestDto {
  @Score('Mean of the eleven subjects')
  rata_rata?: number;

  @ApiPropertyOptional({ enum: KATEGORI_PENGHASILAN })
  @IsOptional()
  @IsIn(KATEGORI_PENGHASILAN)
  kategori_penghasilan?: string;

  @ApiPropertyOptional({ enum: KATEGORI_KEHADIRAN })
  @IsOptional()
  @IsIn(KATEGORI_KEHADIRAN)
  kategori_kehadiran?: string;

  @Score('Attendance percentage')
  persentase_kehadiran?: number;

  @ApiPropertyOptional({ description: 'Parents’ monthly income in rupiah', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  total_penghasilan?: number;

  @Score('Subject score') matematika?: number;
  @Score('Subject score') bahasa_indonesia?: number;
  @Score('Subject score') bahasa_inggris?: number;
  @Score('Subject score') bahasa_jawa?: number;
  @Score('Subject score') ipa?: number;
  @Score('Subject score') agama?: number;
  @Score('Subject score') pjok?: number;
  @Score('Subject score') pkn?: number;
  @Score('Subject score') sejarah?: number;
  @Score('Subject score') seni?: number;
  @Score('Subject score') dasar_kejuruan?: number;

  @SemesterField(true)
  semester?: Semester;

  @TahunAjaranField(true)
  tahun_ajaran?: string;
}
