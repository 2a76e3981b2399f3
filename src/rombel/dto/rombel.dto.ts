import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, MaxLength, Min, Max } from 'class-validator';
import { emptyToUndefined, ListQueryDto, queryInt } from '../../common/query/list-query.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** POST /rombel. */
export class CreateRombelDto {
  @ApiProperty({ example: 'X IPA 1', minLength: 1, maxLength: 20, description: 'Unique within the year; becomes the members’ kelas' })
  @Transform(trim)
  @IsString({ message: 'nama must be a string' })
  @Length(1, 20, { message: 'nama must be 1–20 characters' })
  nama: string;

  @ApiProperty({ example: 10, minimum: 1, maximum: 12 })
  @IsInt({ message: 'tingkat must be a whole number' })
  @Min(1, { message: 'tingkat must be 1–12' })
  @Max(12, { message: 'tingkat must be 1–12' })
  tingkat: number;

  @ApiPropertyOptional({ example: 'IPA', maxLength: 50, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'jurusan must be a string' })
  @MaxLength(50, { message: 'jurusan must be at most 50 characters' })
  jurusan?: string | null;

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'tahun_ajaran_id must be a whole number' })
  @Min(1, { message: 'tahun_ajaran_id must be a positive id' })
  tahun_ajaran_id: number;

  @ApiPropertyOptional({ example: 5, nullable: true, description: 'A user with role guru' })
  @IsOptional()
  @IsInt({ message: 'wali_kelas_id must be a whole number' })
  @Min(1, { message: 'wali_kelas_id must be a positive id' })
  wali_kelas_id?: number | null;
}

/** PUT /rombel/{id}: any subset; the year cannot change while the rombel has members. */
export class UpdateRombelDto extends PartialType(CreateRombelDto) {}

/** GET /rombel: filters by year and tingkat; `search` matches the name. */
export class ListRombelQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt({ message: 'tahun_ajaran_id must be a whole number' })
  tahun_ajaran_id?: number;

  @ApiPropertyOptional({ example: 10 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt({ message: 'tingkat must be a whole number' })
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
  @IsArray({ message: 'siswa_ids must be an array of student ids' })
  @ArrayMinSize(1, { message: 'siswa_ids must not be empty' })
  @ArrayMaxSize(2000, { message: 'siswa_ids may hold at most 2000 ids' })
  @IsInt({ each: true, message: 'siswa_ids must be whole numbers' })
  @Min(1, { each: true, message: 'siswa_ids must be positive ids' })
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
