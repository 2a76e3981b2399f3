import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SaranDto } from './saran.dto';

export class ProbabilitiesDto {
  @ApiProperty({ example: 0.72 }) Tinggi: number;
  @ApiProperty({ example: 0.2 }) Sedang: number;
  @ApiProperty({ example: 0.08 }) Rendah: number;
}

export class ExplanationStepDto {
  @ApiProperty({ example: 'rata_rata' }) attribute: string;
  @ApiProperty({ enum: ['<=', '>', '=', '!='], example: '<=' }) operator: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'string' }], example: 74.5, description: 'Exact threshold, or the nominal value' })
  value: number | string;
  @ApiProperty({ example: 'Nilai rata-rata ≤ 74.5' }) text: string;
  @ApiPropertyOptional({ description: 'The value was missing; the most common branch was followed' }) missing?: boolean;
}

export class SemesterPrediksiDto {
  @ApiProperty({ example: 'Ganjil' }) data_dari_semester: string;
  @ApiProperty({ example: '2023/2024' }) data_dari_tahun_ajaran: string;
  @ApiProperty({ example: 'Genap' }) prediksi_untuk_semester: string;
  @ApiProperty({ example: '2023/2024' }) prediksi_untuk_tahun_ajaran: string;
  @ApiProperty() keterangan: string;
}

export class DetailFaktorDto {
  @ApiProperty({ nullable: true, type: Number, example: 81.2 }) nilai_rata_rata: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'Menengah' }) kategori_penghasilan: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Tinggi' }) kategori_kehadiran: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { rata_rata: 0.8, kategori_kehadiran: 0.2 } })
  feature_importances: Record<string, number>;
}

/** POST /prediksi and /prediksi/what-if. */
export class PredictionResponseDto {
  @ApiProperty({ nullable: true, type: Number, description: 'null for what-if' }) siswa_id: number | null;
  @ApiProperty({ nullable: true, type: String }) nama_siswa: string | null;
  @ApiProperty({ nullable: true, type: String }) kelas: string | null;
  @ApiProperty({ enum: ['Tinggi', 'Sedang', 'Rendah'] }) prediksi_prestasi: string;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'The largest class probability' }) confidence: number;
  @ApiProperty({ type: ProbabilitiesDto }) probabilities: ProbabilitiesDto;
  @ApiProperty() model_version: number;
  @ApiProperty({ type: [ExplanationStepDto], description: 'Root-to-leaf path followed' }) explanation: ExplanationStepDto[];
  @ApiProperty({ type: SemesterPrediksiDto, nullable: true }) semester_prediksi: SemesterPrediksiDto | null;
  @ApiProperty({ type: DetailFaktorDto }) detail_faktor: DetailFaktorDto;
  @ApiProperty({ type: SaranDto, nullable: true, description: 'The smallest change that raises the prediction; null for Tinggi or when none does' })
  saran: SaranDto | null;
  @ApiProperty({ type: [SaranDto], description: 'The other actionable features’ smallest changes, next best first' })
  saran_alternatif: SaranDto[];
}

export class BatchSummaryDto {
  @ApiProperty() total_siswa: number;
  @ApiProperty() success_count: number;
  @ApiProperty() error_count: number;
  @ApiProperty({ description: 'Percentage 0–100' }) success_rate: number;
}

export class BatchResultDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama_siswa: string;
  @ApiProperty() kelas: string;
  @ApiProperty() prediksi_prestasi: string;
  @ApiProperty() confidence: number;
  @ApiProperty({ type: ProbabilitiesDto }) probabilities: ProbabilitiesDto;
  @ApiProperty({ type: DetailFaktorDto }) detail_faktor: DetailFaktorDto;
  @ApiProperty({ type: SemesterPrediksiDto }) semester_prediksi: SemesterPrediksiDto;
}

export class BatchErrorDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama_siswa: string;
  @ApiProperty({ example: 'No presensi recorded for semester Ganjil 2023/2024' }) detail: string;
}

/** POST /prediksi/batch [client]. */
export class BatchPredictionResponseDto {
  @ApiProperty({ example: 'success' }) status: string;
  @ApiProperty() message: string;
  @ApiProperty() semester: string;
  @ApiProperty() tahun_ajaran: string;
  @ApiProperty({ nullable: true, type: String }) kelas: string | null;
  @ApiProperty() model_version: number;
  @ApiProperty({ type: BatchSummaryDto }) summary: BatchSummaryDto;
  @ApiProperty({ type: [BatchResultDto] }) results: BatchResultDto[];
  @ApiProperty({ type: [BatchErrorDto] }) errors: BatchErrorDto[];
  @ApiProperty({ description: 'Seconds spent answering' }) processing_time: number;
}
