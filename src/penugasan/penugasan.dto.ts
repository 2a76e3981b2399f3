import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { emptyToUndefined, ListQueryDto, queryInt } from '../common/query/list-query.dto';
import { SUBJECTS } from '../nilai/nilai-subjects';

const MAPEL = SUBJECTS.map((s) => s.field);

/** POST /penugasan: a guru teaches one subject to one rombel. */
export class CreatePenugasanDto {
  @ApiProperty({ example: 5, description: 'A user with role guru' })
  @IsInt({ message: 'guru_id must be a whole number' })
  @Min(1, { message: 'guru_id must be a positive id' })
  guru_id: number;

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'rombel_id must be a whole number' })
  @Min(1, { message: 'rombel_id must be a positive id' })
  rombel_id: number;

  @ApiProperty({ enum: MAPEL })
  @IsIn(MAPEL, { message: `mapel must be one of ${MAPEL.join(', ')}` })
  mapel: string;
}

export class ListPenugasanQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(queryInt) @IsInt({ message: 'guru_id must be a whole number' }) guru_id?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(queryInt) @IsInt({ message: 'rombel_id must be a whole number' }) rombel_id?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryInt)
  @IsInt({ message: 'tahun_ajaran_id must be a whole number' })
  tahun_ajaran_id?: number;
  @ApiPropertyOptional({ enum: MAPEL })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(MAPEL, { message: `mapel must be one of ${MAPEL.join(', ')}` })
  mapel?: string;
}

export class PenugasanResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() guru_id: number;
  @ApiProperty({ description: 'profile.nama_lengkap, else the username' }) guru_nama: string;
  @ApiProperty() rombel_id: number;
  @ApiProperty({ example: 'X IPA 1' }) rombel: string;
  @ApiProperty() tahun_ajaran_id: number;
  @ApiProperty({ example: '2025/2026' }) tahun_ajaran: string;
  @ApiProperty({ enum: MAPEL }) mapel: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}
