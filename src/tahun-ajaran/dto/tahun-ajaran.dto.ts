import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SemesterField, TahunAjaranField } from '../../records/record-fields';
import type { TahunAjaran } from '../tahun-ajaran.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /tahun-ajaran. `mulai`/`selesai` default to 1 July and 30 June of the named years. */
export class CreateTahunAjaranDto {
  @TahunAjaranField()
  nama: string;

  @ApiPropertyOptional({ example: '2025-07-01', description: 'YYYY-MM-DD; default 1 July of the first year' })
  @IsOptional()
  @Matches(DATE)
  mulai?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'YYYY-MM-DD, after mulai; default 30 June of the second year' })
  @IsOptional()
  @Matches(DATE)
  selesai?: string;

  @ApiPropertyOptional({ description: 'true activates this year (the previous one is deactivated); the first year is always active' })
  @IsOptional()
  @IsBoolean()
  aktif?: boolean;

  @SemesterField(true)
  semester_aktif?: string;

  @ApiPropertyOptional({ example: 75, minimum: 0, maximum: 100, description: 'KKM of every subject without its own; default 75' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  kkm_default?: number;
}

/** PUT /tahun-ajaran/{id}: any subset; `aktif: false` is refused (activate another year instead). */
export class UpdateTahunAjaranDto extends PartialType(CreateTahunAjaranDto) {}

/** POST /tahun-ajaran/{id}/activate: optionally the semester that is running. */
export class ActivateTahunAjaranDto {
  @SemesterField(true)
  semester_aktif?: string;
}

export class TahunAjaranResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2025/2026' }) nama: string;
  @ApiProperty({ example: '2025-07-01' }) mulai: string;
  @ApiProperty({ example: '2026-06-30' }) selesai: string;
  @ApiProperty() aktif: boolean;
  @ApiProperty({ enum: ['Ganjil', 'Genap'] }) semester_aktif: string;
  @ApiProperty({ example: 75 }) kkm_default: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export function toTahunAjaranResponse(t: TahunAjaran): TahunAjaranResponseDto {
  return {
    id: t.id,
    nama: t.nama,
    mulai: t.mulai,
    selesai: t.selesai,
    aktif: t.aktif,
    semester_aktif: t.semesterAktif,
    kkm_default: t.kkmDefault,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}
