import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { canonicalOf } from '../../records/record-fields';
import { SemesterRecordInputDto } from '../../records/siswa-owned';

export const KATEGORI_PRESTASI = ['Tinggi', 'Sedang', 'Rendah'] as const;

/** POST /prestasi: the observed achievement of a student in a semester (a training label of the model). */
export class CreatePrestasiDto extends SemesterRecordInputDto {
  @ApiProperty({ enum: KATEGORI_PRESTASI })
  @Transform(canonicalOf(KATEGORI_PRESTASI))
  @IsIn(KATEGORI_PRESTASI, {
    message: 'kategori must be Tinggi, Sedang or Rendah',
  })
  kategori: string;

  @ApiPropertyOptional({
    maxLength: 500,
    nullable: true,
    type: String,
    example: 'Juara 2 olimpiade matematika kabupaten',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString({ message: 'catatan must be a string' })
  @MaxLength(500, { message: 'catatan must be at most 500 characters' })
  catatan?: string | null;
}
