import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SiswaIdField } from '../../records/record-fields';

/** Rupiah per month; the ceiling only keeps sums exact as numbers (well above any real income). */
const MAX_RUPIAH = 1_000_000_000_000;

function Rupiah(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minimum: 0,
      example: 3_000_000,
      description: 'Rupiah per month',
    }),
    IsInt(),
    Min(0),
    Max(MAX_RUPIAH),
  );
}

function OptionalText(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: 100, nullable: true, type: String }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsString(),
    MaxLength(100),
  );
}

/** POST /penghasilan: one per student; total and category are always computed here. */
export class CreatePenghasilanDto {
  @SiswaIdField() siswa_id: number;
  @Rupiah() penghasilan_ayah: number;
  @Rupiah() penghasilan_ibu: number;
  @OptionalText() pekerjaan_ayah?: string | null;
  @OptionalText() pekerjaan_ibu?: string | null;
  @OptionalText() pendidikan_ayah?: string | null;
  @OptionalText() pendidikan_ibu?: string | null;
}
