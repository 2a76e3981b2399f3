import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SiswaIdField, TahunAjaranField } from '../../records/record-fields';
import { MAX_DEMO_STUDENTS } from '../services/demo-data.service';

/** POST /prediksi/generate-dummy [client]. */
export class GenerateDummyDto {
  @ApiProperty({ minimum: 1, maximum: MAX_DEMO_STUDENTS, example: 10, description: 'Number of students to create' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DEMO_STUDENTS)
  jumlah_data: number;
}

/** POST /prediksi/generate-dummy-data?count=N. */
export class GenerateDummyQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DEMO_STUDENTS, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DEMO_STUDENTS)
  count: number = 100;
}

/** POST /prediksi/generate-dummy-by-name [client]: a year of records for an existing student. */
export class GenerateDummyByNameDto {
  @SiswaIdField({ fromQuery: true })
  siswa_id: number;

  @TahunAjaranField()
  tahun_ajaran: string;
}
