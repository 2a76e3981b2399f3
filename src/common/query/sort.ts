import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';
import { emptyToUndefined } from './list-query.dto';

/** API sort field → query-builder expression (`nama` → `r.nama`, `nama_siswa` → `s.nama`). */
export type SortMap = Readonly<Record<string, string>>;

export interface OrderTerm {
  expression: string;
  direction: 'ASC' | 'DESC';
}

function parseTerms(value: string): Array<{ field: string; direction: 'ASC' | 'DESC' }> {
  return value.split(',').map((raw) => {
    const term = raw.trim();
    return term.startsWith('-') ? { field: term.slice(1), direction: 'DESC' } : { field: term.replace(/^\+/, ''), direction: 'ASC' };
  });
}

/**
 * `sort=nama`, `sort=-created_at` or several comma-separated terms, each a field of the allow-list;
 * anything else (an unknown field, an SQL fragment) fails validation, so it never reaches SQL.
 */
export function IsSort(fields: SortMap, options?: ValidationOptions): PropertyDecorator {
  const allowed = Object.keys(fields);
  return applyDecorators(
    ApiPropertyOptional({
      description: `Comma-separated; prefix - for descending. Fields: ${allowed.join(', ')}`,
      example: `-${allowed[0]}`,
    }),
    IsOptional(),
    Transform(emptyToUndefined),
    ValidateBy(
      {
        name: 'isSort',
        // The allowed fields are the message's parameter {0} (src/i18n/*/validation.json).
        constraints: [allowed],
        validator: {
          validate: (value: unknown) =>
            typeof value === 'string' && value.length <= 200 && parseTerms(value).every((t) => Object.hasOwn(fields, t.field)),
        },
      },
      options,
    ),
  );
}

/** The ORDER BY of a validated sort value; the caller appends the id tie-breaker. */
export function toOrderTerms(sort: string | undefined, fields: SortMap): OrderTerm[] {
  if (!sort) return [];
  return parseTerms(sort).map((t) => ({
    expression: fields[t.field] as string,
    direction: t.direction,
  }));
}
