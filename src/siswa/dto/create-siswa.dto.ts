import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateBy } from 'class-validator';
import { isDateInput } from '../../common/dates/school-date';
import { canonicalJenisKelamin } from './jenis-kelamin';
import { SiswaStatusFields } from './siswa-status.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** POST /siswa. The client's whole model is accepted: unknown keys (id, created_at, …) are stripped. */
export class CreateSiswaDto extends SiswaStatusFields {
  @ApiProperty({
    example: '2023001',
    description: '5–20 letters or digits, unique',
  })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9]{5,20}$/)
  nis: string;

  @ApiProperty({ example: 'Siti Aminah', minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  nama: string;

  @ApiProperty({ example: 'XII IPA 3', minLength: 1, maxLength: 20 })
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  kelas: string;

  @ApiProperty({
    enum: ['Laki-laki', 'Perempuan', 'L', 'P'],
    description: 'Any case; stored as L/P, answered as Laki-laki/Perempuan',
  })
  @Transform(({ value }: { value: unknown }) => canonicalJenisKelamin(value) ?? value)
  @IsIn(['L', 'P'])
  jenis_kelamin: string;

  @ApiProperty({
    example: '2007-05-02',
    description: 'YYYY-MM-DD or an ISO date-time (reduced to the date in the school time zone); in the past',
  })
  @ValidateBy({
    name: 'isDateInput',
    validator: {
      validate: isDateInput,
    },
  })
  tanggal_lahir: string;

  @ApiPropertyOptional({
    example: 'Jl. Merdeka 1, Surabaya',
    maxLength: 200,
    nullable: true,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  alamat?: string | null;
}
