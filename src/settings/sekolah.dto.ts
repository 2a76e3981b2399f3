import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** PUT /settings/sekolah: fields not sent keep their value; null or '' clears one. */
export class UpdateSekolahDto {
  @ApiPropertyOptional({ example: 'SMA Negeri 1 Surabaya', maxLength: 150 })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsString()
  @Length(2, 150)
  nama_sekolah?: string | null;

  @ApiPropertyOptional({ example: '20532229', description: 'NPSN: 8 letters or digits' })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @Matches(/^[A-Za-z0-9]{8}$/)
  npsn?: string | null;

  @ApiPropertyOptional({ example: 'Jl. Wijaya Kusuma 48', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsString()
  @MaxLength(200)
  alamat?: string | null;

  @ApiPropertyOptional({ example: 'Surabaya', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsString()
  @MaxLength(100)
  kota?: string | null;

  @ApiPropertyOptional({ example: 'Drs. H. Sutrisno, M.Pd.', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsString()
  @MaxLength(100)
  kepala_sekolah?: string | null;

  @ApiPropertyOptional({ example: '196805121994031007', description: 'NIP: 18 digits (spaces are removed)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @ValidateIf((_, v) => v !== null && v !== '')
  @Matches(/^\d{18}$/)
  nip_kepala_sekolah?: string | null;
}

export const SEKOLAH_FIELDS = ['nama_sekolah', 'npsn', 'alamat', 'kota', 'kepala_sekolah', 'nip_kepala_sekolah'] as const;
export type SekolahIdentity = Record<(typeof SEKOLAH_FIELDS)[number], string | null>;

export class SekolahResponseDto {
  @ApiProperty({ nullable: true, type: String }) nama_sekolah: string | null;
  @ApiProperty({ nullable: true, type: String }) npsn: string | null;
  @ApiProperty({ nullable: true, type: String }) alamat: string | null;
  @ApiProperty({ nullable: true, type: String }) kota: string | null;
  @ApiProperty({ nullable: true, type: String }) kepala_sekolah: string | null;
  @ApiProperty({ nullable: true, type: String }) nip_kepala_sekolah: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/api/settings/sekolah/logo',
    description: 'Where the PNG logo is served; null when none',
  })
  logo_url: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'data:image/png;base64,iVBOR…',
    description: 'The logo as a data URL, ready for an <img>; null when none',
  })
  logo: string | null;
}
