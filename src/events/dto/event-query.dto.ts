import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { getListMaxLimit, LimitField, PagingDto } from '../../common/query/page-query.dto';
import { EVENT_CATEGORIES, type EventCategory } from '../event-log.entity';

/** `strict`: the date must exist (no 2026-02-30, no 2025-02-29), not merely look like one. */
const REAL_DATE = { strict: true, strictSeparator: true };
const REAL_DATE_MESSAGE = ({ property }: { property: string }): string => `${property} must be a real date or date-time (ISO 8601), e.g. 2026-02-28 or 2026-02-28T07:00:00+07:00`;

/** The event log is read in pages of 100 (a `{data, total, skip, limit}` envelope, not the client's). */
export class EventPageQueryDto extends PagingDto(100) {}

export class ListEventsQueryDto extends EventPageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_CATEGORIES })
  @IsOptional() @IsIn(EVENT_CATEGORIES)
  category?: EventCategory;

  @ApiPropertyOptional({ example: 'siswa.create' })
  @IsOptional() @IsString() @MaxLength(100)
  action?: string;

  @ApiPropertyOptional()
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  user_id?: number;

  @ApiPropertyOptional({ example: 401 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(100) @Max(599)
  status?: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @IsISO8601(REAL_DATE, { message: REAL_DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional() @IsISO8601(REAL_DATE, { message: REAL_DATE_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ example: 'siswa' })
  @IsOptional() @IsString() @MaxLength(50)
  entity_type?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(64)
  entity_id?: string;
}

const RECENT_DEFAULT = (): number => Math.min(50, getListMaxLimit());

export class RecentEventsQueryDto {
  @LimitField(RECENT_DEFAULT, 'Default 50')
  limit: number = RECENT_DEFAULT();

  @ApiPropertyOptional({ enum: EVENT_CATEGORIES })
  @IsOptional() @IsIn(EVENT_CATEGORIES)
  category?: EventCategory;
}

export class SummaryQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Default: 7 days before `to`' })
  @IsOptional() @IsISO8601(REAL_DATE, { message: REAL_DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Default: now' })
  @IsOptional() @IsISO8601(REAL_DATE, { message: REAL_DATE_MESSAGE })
  to?: string;
}

export class SecurityQueryDto {
  @ApiPropertyOptional({ default: 24, maximum: 720 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(720)
  hours = 24;
}
