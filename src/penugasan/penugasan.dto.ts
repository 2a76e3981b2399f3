import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { emptyToUndefined, ListQueryDto, queryInt } from '../common/query/list-query.dto';
import { SUBJECTS } from '../nilai/nilai-subjects';

const MAPEL = SUBJECTS.map((s) => s.field);

/** POST /penugasan: a guru teaches one subject to one rombel. */
export class CreatePenugasanDto {
  @ApiProperty({ example: 5, description: 'A user with role guru' })
  @IsInt()
  @Min(1)
  guru_id: number;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  rombel_id: number;

  @ApiProperty({ enum: MAPEL })
  @IsIn(MAPEL)
  mapel: string;
}

export class ListPenugasanQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @Transform(queryInt) @IsInt() guru_id?: number;
  @ApiPropertyOptional() @IsOptional() @Transform(queryInt) @IsInt() rombel_id?: number;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  tahun_ajaran_id?: number;
  @ApiPropertyOptional({ enum: MAPEL })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(MAPEL)
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
