import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SemesterField } from '../../records/record-fields';

export class RekapQueryDto {
  /** Default: the year's semester_aktif. */
  @SemesterField(true)
  semester?: string;
}

export class MapelRekapDto {
  @ApiProperty({ example: 'matematika' }) mapel: string;
  @ApiProperty({ example: 75 }) kkm: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) rata_rata: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) min: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) max: number | null;
  @ApiProperty({ description: 'Students with a score' }) jumlah_nilai: number;
  @ApiProperty() jumlah_di_bawah_kkm: number;
}

export class SiswaRekapDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama: string;
  @ApiProperty() nis: string;
  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'subject → score; null without a report card',
  })
  nilai: Record<string, number> | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) rata_rata: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'By rata_rata; ties share a rank (1, 2, 2, 4)' }) peringkat:
    number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) persentase_kehadiran: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) kategori_kehadiran: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The prestasi kategori of that semester' }) prestasi: string | null;
}

export class RekapTotalDto {
  @ApiProperty() jumlah_siswa: number;
  @ApiProperty() jumlah_dengan_nilai: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) rata_rata: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) min: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) max: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) persentase_kehadiran: number | null;
  @ApiProperty({ example: { Tinggi: 10, Sedang: 15, Rendah: 5 } }) prestasi: Record<string, number>;
}

export class RekapResponseDto {
  @ApiProperty() rombel_id: number;
  @ApiProperty() rombel: string;
  @ApiProperty() tahun_ajaran: string;
  @ApiProperty({ enum: ['Ganjil', 'Genap'] }) semester: string;
  @ApiProperty({ type: [MapelRekapDto] }) mapel: MapelRekapDto[];
  @ApiProperty({ type: [SiswaRekapDto], description: 'By rank, then the unranked by name' }) siswa: SiswaRekapDto[];
  @ApiProperty({ type: RekapTotalDto }) total: RekapTotalDto;
}
