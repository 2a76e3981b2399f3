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
  @IsIn(KATEGORI_PRESTASI)
  kategori: string;

  @ApiPropertyOptional({
    maxLength: 500,
    nullable: true,
    type: String,
    example: 'Juara 2 olimpiade matematika kabupaten',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsString()
  @MaxLength(500)
  catatan?: string | null;
}
