import { ApiProperty } from '@nestjs/swagger';

export class TrendPrediksiDto {
  @ApiProperty({ enum: ['Tinggi', 'Sedang', 'Rendah'] }) prediksi_prestasi: string;
  @ApiProperty() confidence: number;
  @ApiProperty() model_version: number;
  @ApiProperty({ example: 'Ganjil', description: 'The semester whose records it was predicted from' }) data_dari_semester: string;
  @ApiProperty({ example: '2024/2025' }) data_dari_tahun_ajaran: string;
  @ApiProperty({ description: 'When it was (last) made' }) dibuat: string;
}

export class TrendSemesterDto {
  @ApiProperty({ enum: ['Ganjil', 'Genap'] }) semester: string;
  @ApiProperty({ example: '2024/2025' }) tahun_ajaran: string;
  @ApiProperty({ nullable: true, type: Number }) rata_rata: number | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: { type: 'number' }, description: 'subject → score; null without a report card' })
  nilai: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: Number }) persentase_kehadiran: number | null;
  @ApiProperty({ nullable: true, type: String }) kategori_kehadiran: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The observed prestasi of that semester' }) prestasi: string | null;
  @ApiProperty({ type: TrendPrediksiDto, nullable: true, description: 'The prediction made FOR this semester (from the one before)' })
  prediksi: TrendPrediksiDto | null;
}

export class TrendDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama: string;
  @ApiProperty() nis: string;
  @ApiProperty() kelas: string;
  @ApiProperty({ type: [TrendSemesterDto], description: 'Oldest first; the last entry may be a forecast only' }) tren: TrendSemesterDto[];
}
