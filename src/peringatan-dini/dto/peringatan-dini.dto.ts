import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PagingDto } from '../../common/query/page-query.dto';
import { emptyToUndefined, queryInt } from '../../common/query/query-values';
import { SemesterField, TahunAjaranField } from '../../records/record-fields';
import { ProbabilitiesDto } from '../../prediksi/dto/prediction-response.dto';
import { SaranDto } from '../../prediksi/dto/saran.dto';
import { ALASAN_KODES } from '../risk-rules';

/** Filters of the list and its exports. Absent semester/year: each student's latest semester with data. */
export class PeringatanFilterDto {
  @Transform(emptyToUndefined)
  @TahunAjaranField(true)
  tahun_ajaran?: string;

  @Transform(emptyToUndefined)
  @SemesterField(true)
  semester?: string;

  @ApiPropertyOptional({ example: 3, description: 'Only members of this rombel' })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  @Min(1)
  rombel_id?: number;

  @ApiPropertyOptional({ example: 'XII IPA 1', description: 'Only this kelas (exact match)' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(20)
  kelas?: string;
}

/** GET /peringatan-dini: the filters and the shared paging (50 per page by default). */
export class PeringatanQueryDto extends IntersectionType(PagingDto(50), PeringatanFilterDto) {}

export class AlasanDto {
  @ApiProperty({ enum: ALASAN_KODES }) kode: string;
  @ApiProperty({ example: 'Prediksi prestasi semester berikutnya Rendah' }) teks: string;
}

export class PeriodeDto {
  @ApiProperty({ example: 'Genap' }) semester: string;
  @ApiProperty({ example: '2024/2025' }) tahun_ajaran: string;
}

export class TrenRingkasDto {
  @ApiProperty() rata_rata: number;
  @ApiProperty({ nullable: true, type: Number }) rata_rata_sebelumnya: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'rata_rata − rata_rata_sebelumnya' }) selisih_rata_rata: number | null;
  @ApiProperty() persentase_kehadiran: number;
  @ApiProperty({ nullable: true, type: Number }) persentase_kehadiran_sebelumnya: number | null;
  @ApiProperty() kategori_kehadiran: string;
  @ApiProperty({ nullable: true, type: String }) kategori_kehadiran_sebelumnya: string | null;
}

export class PeringatanItemDto {
  @ApiProperty() siswa_id: number;
  @ApiProperty() nama: string;
  @ApiProperty() nis: string;
  @ApiProperty() kelas: string;
  @ApiProperty({ type: PeriodeDto, description: 'The semester whose records were predicted from' }) data_dari: PeriodeDto;
  @ApiProperty({ type: PeriodeDto, description: 'The semester the prediction is for' }) prediksi_untuk: PeriodeDto;
  @ApiProperty({ enum: ['Tinggi', 'Sedang', 'Rendah'] }) prediksi_prestasi: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence: number;
  @ApiProperty({ type: ProbabilitiesDto }) probabilities: ProbabilitiesDto;
  @ApiProperty({ nullable: true, type: String, description: 'The latest observed prestasi at or before data_dari' }) prestasi_terakhir: string | null;
  @ApiProperty({ type: [AlasanDto] }) alasan: AlasanDto[];
  @ApiProperty({ example: 'Nilai rata-rata ≤ 70 → Kategori kehadiran = Rendah → Rendah', description: 'The decision path in words' })
  jalur_keputusan: string;
  @ApiProperty({ type: SaranDto, nullable: true }) saran: SaranDto | null;
  @ApiProperty({ type: [SaranDto] }) saran_alternatif: SaranDto[];
  @ApiProperty({ type: TrenRingkasDto }) tren: TrenRingkasDto;
}

export class PeringatanPageDto {
  @ApiProperty({ type: [PeringatanItemDto], description: 'Most urgent first' }) data: PeringatanItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() skip: number;
  @ApiProperty() limit: number;
  @ApiProperty() model_version: number;
  @ApiProperty({ description: 'PERINGATAN_TURUN_NILAI in effect' }) turun_nilai_min: number;
  @ApiProperty({ description: 'Students with records in the semesters considered (at risk or not)' }) jumlah_dinilai: number;
}
