import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, MaxLength, Min, Max } from 'class-validator';
import { emptyToUndefined, ListQueryDto, queryInt } from '../../common/query/list-query.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** POST /rombel. */
export class CreateRombelDto {
  @ApiProperty({ example: 'X IPA 1', minLength: 1, maxLength: 20, description: 'Unique within the year; becomes the members’ kelas' })
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  nama: string;

  @ApiProperty({ example: 10, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  tingkat: number;

  @ApiPropertyOptional({ example: 'IPA', maxLength: 50, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  jurusan?: string | null;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  tahun_ajaran_id: number;

  @ApiPropertyOptional({ example: 5, nullable: true, description: 'A user with role guru' })
  @IsOptional()
  @IsInt()
  @Min(1)
  wali_kelas_id?: number | null;
}

/** PUT /rombel/{id}: any subset; the year cannot change while the rombel has members. */
export class UpdateRombelDto extends PartialType(CreateRombelDto) {}

/** GET /rombel: filters by year and tingkat; `search` matches the name. */
export class ListRombelQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  tahun_ajaran_id?: number;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  tingkat?: number;

  @ApiPropertyOptional({ example: 'IPA' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(50)
  jurusan?: string;
}

/** POST /rombel/{id}/siswa. */
export class AddMembersDto {
  @ApiProperty({ example: [1, 2, 3], description: 'Students to add (already members are left alone)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsInt({ each: true })
  @Min(1, { each: true })
  siswa_ids: number[];
}

export class RombelResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'X IPA 1' }) nama: string;
  @ApiProperty({ example: 10 }) tingkat: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'IPA' }) jurusan: string | null;
  @ApiProperty() tahun_ajaran_id: number;
  @ApiProperty({ example: '2025/2026' }) tahun_ajaran: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) wali_kelas_id: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'profile.nama_lengkap, else the username' }) wali_kelas_nama:
    string | null;
  @ApiProperty({ example: 32 }) jumlah_siswa: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export class AddMembersResponseDto {
  @ApiProperty() rombel_id: number;
  @ApiProperty({ description: 'Students newly added', example: [1, 2] }) added: number[];
  @ApiProperty({ description: 'Students that already were members', example: [3] }) already_members: number[];
  @ApiProperty() jumlah_siswa: number;
}

export class RombelMemberDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nis: string;
  @ApiPropertyOptional({ nullable: true, type: String }) nisn: string | null;
  @ApiProperty() nama: string;
  @ApiProperty({ enum: ['L', 'P'] }) jenis_kelamin: string;
  @ApiProperty({ enum: ['aktif', 'lulus', 'mutasi', 'keluar'] }) status: string;
  @ApiPropertyOptional({
    nullable: true,
    enum: ['naik', 'tinggal', 'lulus', 'keluar'],
    type: String,
    description: 'The promotion decision, once made',
  })
  keputusan: string | null;
}

export class RiwayatKelasDto {
  @ApiProperty() tahun_ajaran_id: number;
  @ApiProperty({ example: '2024/2025' }) tahun_ajaran: string;
  @ApiProperty() rombel_id: number;
  @ApiProperty({ example: 'X IPA 1' }) rombel: string;
  @ApiProperty() tingkat: number;
  @ApiPropertyOptional({ nullable: true, type: String }) jurusan: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) wali_kelas_id: number | null;
  @ApiPropertyOptional({ nullable: true, enum: ['naik', 'tinggal', 'lulus', 'keluar'], type: String }) keputusan: string | null;
}
