import { ApiProperty } from '@nestjs/swagger';

export class HistoryItemDto {
  @ApiProperty() id: number;
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama_siswa: string;
  @ApiProperty() kelas: string;
  @ApiProperty({ description: 'Semester of the records predicted from' }) semester: string;
  @ApiProperty() tahun_ajaran: string;
  @ApiProperty({ enum: ['Tinggi', 'Sedang', 'Rendah'] }) prediksi_prestasi: string;
  @ApiProperty() confidence: number;
  @ApiProperty() model_version: number;
  @ApiProperty() created_at: string;
  @ApiProperty() updated_at: string;
}

/** GET /prediksi/history [client]: newest first. */
export class HistoryPageDto {
  @ApiProperty({ type: [HistoryItemDto] }) data: HistoryItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() skip: number;
  @ApiProperty() limit: number;
}
