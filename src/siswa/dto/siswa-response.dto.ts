import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Siswa } from '../siswa.entity';
import { JENIS_KELAMIN_LABEL, type JenisKelamin, type JenisKelaminLabel } from './jenis-kelamin';

export class SiswaResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2023001' }) nis: string;
  @ApiProperty({ example: 'Siti Aminah' }) nama: string;
  @ApiProperty({ example: 'XII IPA 3' }) kelas: string;
  /** The label, because the web client binds this field to a dropdown of the two labels [client]. */
  @ApiProperty({ enum: ['Laki-laki', 'Perempuan'] }) jenis_kelamin: JenisKelaminLabel;
  @ApiProperty({ enum: ['L', 'P'], description: 'The stored code' }) jenis_kelamin_kode: JenisKelamin;
  @ApiProperty({ example: '2007-05-02' }) tanggal_lahir: string;
  @ApiPropertyOptional({ nullable: true, type: String }) alamat: string | null;
  @ApiProperty({ enum: ['aktif', 'lulus', 'mutasi', 'keluar'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '0071234567' }) nisn: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export function toSiswaResponse(siswa: Siswa): SiswaResponseDto {
  const jenisKelamin = siswa.jenisKelamin as JenisKelamin;
  return {
    id: siswa.id,
    nis: siswa.nis,
    nama: siswa.nama,
    kelas: siswa.kelas,
    jenis_kelamin: JENIS_KELAMIN_LABEL[jenisKelamin],
    jenis_kelamin_kode: jenisKelamin,
    tanggal_lahir: siswa.tanggalLahir,
    alamat: siswa.alamat,
    status: siswa.status,
    nisn: siswa.nisn,
    created_at: siswa.createdAt.toISOString(),
    updated_at: siswa.updatedAt.toISOString(),
  };
}

export class SiswaCountDto {
  @ApiProperty({ example: 120 }) total_count: number;
}

export class SiswaDropdownItemDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'Siti Aminah (XII IPA 3)' }) text: string;
}
