import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

/** An empty query value (`?search=`) means "not given", as the web client sends every field. */
export const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * A whole number from a query string: digits convert, empty means absent, anything else stays text so
 * validation rejects it (400) instead of Number() turning `' '` into 0 or `1e3` into 1000.
 */
export const queryInt = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^-?\d{1,15}$/.test(trimmed) ? Number(trimmed) : value;
};

/**
 * Paging and search shared by every list (API.md §1). Domain list DTOs extend it with their filters
 * and a `sort` allow-list (see IsSort). Invalid values are 400 (query validation).
 */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  @Min(0)
  skip: number = 0;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
  })
  @IsOptional()
  @Transform(queryInt)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit: number = DEFAULT_LIMIT;

  @ApiPropertyOptional({
    description: 'Case-insensitive substring',
    maxLength: 100,
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(100)
  search?: string;
}
