import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { KEPUTUSAN } from '../kenaikan-rules';

export class KeputusanDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  siswa_id: number;

  @ApiProperty({ enum: KEPUTUSAN })
  @IsIn(KEPUTUSAN)
  status: string;

  @ApiPropertyOptional({ example: 7, nullable: true, description: 'Required for naik and tinggal: a rombel of the next school year' })
  @IsOptional()
  @IsInt()
  @Min(1)
  ke_rombel_id?: number | null;
}

/** POST /rombel/{id}/kenaikan: one decision per member, all applied or none. */
export class KenaikanDto {
  @ApiProperty({ type: [KeputusanDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => KeputusanDto)
  keputusan: KeputusanDto[];

  @ApiPropertyOptional({ description: 'true: validate and report what would happen, change nothing' })
  @IsOptional()
  @IsBoolean()
  dry_run?: boolean;
}

export class KenaikanQueryDto {
  @ApiPropertyOptional({ description: 'Always a proposal; false is refused', default: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dry_run?: boolean;
}

export class HasilKeputusanDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama: string;
  @ApiProperty() nis: string;
  @ApiProperty({ enum: KEPUTUSAN }) keputusan: string;
  @ApiProperty() dari_rombel_id: number;
  @ApiProperty() dari_rombel: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) ke_rombel_id: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ke_rombel: string | null;
  @ApiProperty({ example: 'aktif' }) status_sebelum: string;
  @ApiProperty({ example: 'lulus' }) status_sesudah: string;
}

export class KenaikanResultDto {
  @ApiProperty() rombel_id: number;
  @ApiProperty({ example: 'X IPA 1' }) rombel: string;
  @ApiProperty({ example: '2025/2026' }) tahun_ajaran: string;
  @ApiProperty({ example: '2026/2027' }) ke_tahun_ajaran: string;
  @ApiProperty() dry_run: boolean;
  @ApiProperty({ example: { naik: 30, tinggal: 1, lulus: 0, keluar: 1 } }) ringkasan: Record<string, number>;
  @ApiProperty({ type: [HasilKeputusanDto] }) hasil: HasilKeputusanDto[];
}

export class UsulanKeputusanDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty({ enum: KEPUTUSAN }) status: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) ke_rombel_id: number | null;
  @ApiProperty() nama: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ke_rombel: string | null;
}

export class UsulanRombelDto {
  @ApiProperty() rombel_id: number;
  @ApiProperty() rombel: string;
  @ApiProperty() tingkat: number;
  @ApiProperty({ description: 'Decided already: nothing to post' }) sudah_diputuskan: boolean;
  @ApiProperty({ type: [UsulanKeputusanDto], description: 'Post as {keputusan: …} to /rombel/{rombel_id}/kenaikan' })
  keputusan: UsulanKeputusanDto[];
  @ApiProperty({ example: ['no rombel XI IPA 1 in 2026/2027'], description: 'What an admin must settle first' }) masalah: string[];
}

export class KenaikanOtomatisDto {
  @ApiProperty() tahun_ajaran_id: number;
  @ApiProperty() tahun_ajaran: string;
  @ApiProperty() ke_tahun_ajaran: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) ke_tahun_ajaran_id: number | null;
  @ApiProperty() dry_run: boolean;
  @ApiProperty({ type: [UsulanRombelDto] }) rombel: UsulanRombelDto[];
}
