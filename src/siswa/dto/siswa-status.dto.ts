import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { SISWA_STATUSES } from '../siswa-status';

/** The student fields of issue #13 (status, NISN), shared by the create and update bodies. */
export class SiswaStatusFields {
  @ApiPropertyOptional({ enum: SISWA_STATUSES, default: 'aktif' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsIn(SISWA_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: '0071234567', description: 'NISN: 10 digits, unique; null or empty clears it', nullable: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_, v) => v !== null && v !== '')
  @Matches(/^\d{10}$/)
  nisn?: string | null;
}
