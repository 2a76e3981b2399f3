import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min, ValidateBy } from 'class-validator';
import { queryInt } from './query-values';

/** LIST_MAX_LIMIT's default (API.md §1). */
export const DEFAULT_LIST_MAX_LIMIT = 10_000;

/**
 * The largest `limit` of every list, and what a list without `limit` returns. It is configuration
 * (LIST_MAX_LIMIT) read by validation decorators, which are static, so createApp sets it here once
 * per process before serving (every app of a process shares one configuration).
 */
let listMaxLimit = DEFAULT_LIST_MAX_LIMIT;
/** maxListLimit's constraint argument ({0} in its catalogue text), kept equal to the configured maximum. */
const LIST_LIMIT_ARGS: number[] = [DEFAULT_LIST_MAX_LIMIT];

export function setListMaxLimit(max: number): void {
  listMaxLimit = max;
  LIST_LIMIT_ARGS[0] = max;
}

export function getListMaxLimit(): number {
  return listMaxLimit;
}

/**
 * The one limit rule (issue #10): digits only (`1e3`, `10.5`, ` ` are 400), 1 to LIST_MAX_LIMIT;
 * absent or empty means `defaultLimit` (a function, so the configured maximum is read per request).
 */
export function LimitField(defaultLimit: () => number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, description: `${description}; at most LIST_MAX_LIMIT (default ${DEFAULT_LIST_MAX_LIMIT})` }),
    IsOptional(),
    Transform((params) => queryInt(params) ?? defaultLimit()),
    IsInt(),
    Min(1),
    ValidateBy({
      name: 'maxListLimit',
      constraints: LIST_LIMIT_ARGS,
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value <= listMaxLimit,
        defaultMessage: () => `limit must not exceed ${listMaxLimit}`,
      },
    }),
  );
}

export function SkipField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 0, default: 0 }),
    IsOptional(),
    Transform((params) => queryInt(params) ?? 0),
    IsInt(),
    Min(0),
  );
}

/**
 * Paging of every list: the record domains, users, events, prediction history and models. Bare-array
 * lists (the client's, which sends no `limit` and ignores X-Total-Count) answer every row up to
 * LIST_MAX_LIMIT when `limit` is absent; a paged envelope (`{data, total, skip, limit}`) passes its
 * page size. A factory, not a subclass override: class-transformer would run a parent's and a child's
 * @Transform on the same property one after the other.
 */
export function PagingDto(pageSize?: number) {
  // A page size above a configured maximum would make every request without `limit` a 400.
  const defaultLimit = pageSize === undefined ? getListMaxLimit : () => Math.min(pageSize, listMaxLimit);
  class Paging {
    @SkipField()
    skip: number = 0;

    @LimitField(defaultLimit, pageSize === undefined ? 'Absent: every row up to LIST_MAX_LIMIT' : `Default ${pageSize}`)
    limit: number = defaultLimit();
  }
  return Paging;
}

/** The paging of bare-array lists. */
export class PageQueryDto extends PagingDto() {}
