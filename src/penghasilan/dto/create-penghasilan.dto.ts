import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SiswaIdField } from '../../records/record-fields';

/** Rupiah per month; the ceiling only keeps sums exact as numbers (well above any real income). */
const MAX_RUPIAH = 1_000_000_000_000;

function Rupiah(field: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minimum: 0,
      example: 3_000_000,
      description: 'Rupiah per month',
    }),
    IsInt({ message: `${field} must be a whole number of rupiah` }),
    Min(0, { message: `${field} must not be negative` }),
    Max(MAX_RUPIAH, { message: `${field} is implausibly large` }),
  );
}

function OptionalText(field: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: 100, nullable: true, type: String }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value)),
    IsString({ message: `${field} must be a string` }),
    MaxLength(100, { message: `${field} must be at most 100 characters` }),
  );
}

/** POST /penghasilan: one per student; total and category are always computed here. */
export class CreatePenghasilanDto {
  @SiswaIdField() siswa_id: number;
  @Rupiah('penghasilan_ayah') penghasilan_ayah: number;
  @Rupiah('penghasilan_ibu') penghasilan_ibu: number;
  @OptionalText('pekerjaan_ayah') pekerjaan_ayah?: string | null;
  @OptionalText('pekerjaan_ibu') pekerjaan_ibu?: string | null;
  @OptionalText('pendidikan_ayah') pendidikan_ayah?: string | null;
  @OptionalText('pendidikan_ibu') pendidikan_ibu?: string | null;
}
