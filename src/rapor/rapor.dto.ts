import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { isDateInput } from '../common/dates/school-date';
import { SemesterField, TahunAjaranField } from '../records/record-fields';

const TanggalField = (): PropertyDecorator => (target, key) => {
  ApiPropertyOptional({ example: '2026-12-19', description: 'The date above the signatures (default: today in SCHOOL_TIMEZONE)' })(
    target,
    key,
  );
  IsOptional()(target, key);
  ValidateBy({ name: 'isDateInput', validator: { validate: isDateInput } })(target, key);
};

/** GET /rombel/{id}/rapor.pdf: a semester of the rombel's year. */
export class RaporRombelQueryDto {
  /** Default: the year's semester_aktif. */
  @SemesterField(true)
  semester?: string;

  @TanggalField()
  tanggal?: string;
}

/** GET /siswa/{id}/rapor.pdf: a semester of a school year (default: the active year and its semester). */
export class RaporSiswaQueryDto extends RaporRombelQueryDto {
  @TahunAjaranField(true)
  tahun_ajaran?: string;
}
