import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';

const MAPEL_EXAMPLE = { matematika: 75, bahasa_indonesia: 70 };

/** The KKM of every subject in a year: its own where set, else the year's kkm_default. */
export class KkmResponseDto {
  @ApiProperty() tahun_ajaran_id: number;
  @ApiProperty({ example: '2025/2026' }) tahun_ajaran: string;
  @ApiProperty({ example: 75 }) kkm_default: number;
  @ApiProperty({
    description: 'All eleven subjects → KKM in force',
    example: MAPEL_EXAMPLE,
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  mapel: Record<string, number>;
  @ApiProperty({ description: 'The subjects whose KKM is their own (not the default)', example: ['bahasa_indonesia'] })
  khusus: string[];
}

/** PUT /tahun-ajaran/{id}/kkm: subjects not named keep theirs; `null` returns a subject to the default. */
export class UpdateKkmDto {
  @ApiPropertyOptional({ example: 75, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  kkm_default?: number;

  @ApiPropertyOptional({
    description: 'subject → KKM 0–100, or null for the default',
    example: { bahasa_indonesia: 70, matematika: null },
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
  })
  @IsOptional()
  @IsObject()
  mapel?: Record<string, unknown>;
}
