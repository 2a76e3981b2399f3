import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { emptyToUndefined, ListQueryDto } from '../common/query/list-query.dto';
import { SemesterField, SiswaIdField, TahunAjaranField } from './record-fields';

// The query filters on a student and a semester, shared by the record lists and the prediction history.
// An empty parameter (`?kelas=`) is no filter. Each decorator list is in the order applied (the field's
// own transforms run before the empty-to-undefined one).
export const SiswaIdFilter = (): PropertyDecorator =>
  applyDecorators(SiswaIdField({ optional: true, fromQuery: true }), Transform(emptyToUndefined));
export const SemesterFilter = (): PropertyDecorator => applyDecorators(SemesterField(true), Transform(emptyToUndefined));
export const TahunAjaranFilter = (): PropertyDecorator => applyDecorators(TahunAjaranField(true), Transform(emptyToUndefined));
export const KelasFilter = (doc: ApiPropertyOptions): PropertyDecorator =>
  applyDecorators(MaxLength(20), IsString(), Transform(emptyToUndefined), IsOptional(), ApiPropertyOptional(doc));

/** Filters shared by the lists of rows that belong to a student (nilai, presensi, penghasilan, prestasi). */
export class SiswaRecordListQueryDto extends ListQueryDto {
  @SiswaIdFilter()
  siswa_id?: number;

  @KelasFilter({ description: "The student's class, exact match", example: 'XII IPA 3' })
  kelas?: string;
}

/** …and, for rows kept per semester (nilai, presensi, prestasi), the semester filters. */
export class SemesterListQueryDto extends SiswaRecordListQueryDto {
  @SemesterFilter()
  semester?: string;

  @TahunAjaranFilter()
  tahun_ajaran?: string;
}
