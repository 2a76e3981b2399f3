import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { queryInt } from '../common/query/list-query.dto';
import { IsIn, IsInt, IsOptional, Min, ValidateBy } from 'class-validator';
import type { ConstraintRule } from './constraint-errors';

export const SEMESTERS = ['Ganjil', 'Genap'] as const;
export type Semester = (typeof SEMESTERS)[number];

/**
 * A transform to the canonical spelling of a fixed set of words: `ganjil` and ` GENAP ` are the same
 * semester, `tinggi` the same category; what is stored is always the canonical spelling.
 */
export function canonicalOf(words: readonly string[]) {
  return ({ value }: { value: unknown }): unknown => {
    if (typeof value !== 'string') return value;
    return words.find((w) => w.toLowerCase() === value.trim().toLowerCase()) ?? value;
  };
}

const canonicalSemester = canonicalOf(SEMESTERS);

/** School years this API accepts: wide enough for any record, narrow enough to catch typos (`0000/0001`). */
export const TAHUN_AJARAN_MIN_YEAR = 2000;
export const TAHUN_AJARAN_MAX_YEAR = 2100;

/** `2023/2024`: a year and the next, both within 2000–2100. */
export function isTahunAjaran(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})\/(\d{4})$/.exec(value);
  if (match === null) return false;
  const [first, second] = [Number(match[1]), Number(match[2])];
  return second === first + 1 && first >= TAHUN_AJARAN_MIN_YEAR && second <= TAHUN_AJARAN_MAX_YEAR;
}

const ApiField = (optional: boolean, options: Parameters<typeof ApiProperty>[0]): PropertyDecorator =>
  optional ? ApiPropertyOptional(options) : ApiProperty(options);

export function SemesterField(optional = false): PropertyDecorator {
  return applyDecorators(
    ApiField(optional, { enum: SEMESTERS, example: 'Ganjil' }),
    ...(optional ? [IsOptional()] : []),
    Transform(canonicalSemester),
    IsIn(SEMESTERS),
  );
}

export function TahunAjaranField(optional = false): PropertyDecorator {
  return applyDecorators(
    ApiField(optional, { example: '2023/2024', pattern: '^\\d{4}/\\d{4}$' }),
    ...(optional ? [IsOptional()] : []),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    ValidateBy({
      name: 'isTahunAjaran',
      validator: {
        validate: isTahunAjaran,
      },
    }),
  );
}

/** A student id: a number in bodies, a numeric string in queries (`fromQuery` converts it). */
export function SiswaIdField(options: { optional?: boolean; fromQuery?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiField(options.optional ?? false, { example: 1, minimum: 1 }),
    ...(options.optional ? [IsOptional()] : []),
    ...(options.fromQuery ? [Transform(queryInt)] : []),
    IsInt(),
    Min(1),
  );
}

/**
 * Once any school year exists, a record's tahun_ajaran must name one: a trigger of migration
 * 1764231500000 raises this check on nilai_raport, presensi and prestasi (also for uploads and races).
 */
export function tahunAjaranExistsRule(table: string): Record<string, ConstraintRule> {
  return {
    [`ck_${table}_tahun_ajaran_exists`]: {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      code: 'TAHUN_AJARAN_UNKNOWN' as const,
      field: 'tahun_ajaran',
    },
  };
}
