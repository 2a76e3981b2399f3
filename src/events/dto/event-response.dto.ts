import { ApiProperty } from '@nestjs/swagger';
import { EVENT_CATEGORIES } from '../event-log.entity';

export class EventResponseDto {
  @ApiProperty() id: number;
  @ApiProperty({ format: 'date-time' }) occurred_at: string;
  @ApiProperty({ nullable: true, type: String }) request_id: string | null;
  @ApiProperty({ enum: EVENT_CATEGORIES }) category: string;
  @ApiProperty({ example: 'siswa.create' }) action: string;
  @ApiProperty({ nullable: true, type: Number }) user_id: number | null;
  @ApiProperty({ nullable: true, type: String }) username: string | null;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
  @ApiProperty() method: string;
  @ApiProperty() path: string;
  @ApiProperty() status: number;
  @ApiProperty() duration_ms: number;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;
  @ApiProperty({ nullable: true, type: String }) user_agent: string | null;
  @ApiProperty({ nullable: true, type: String }) entity_type: string | null;
  @ApiProperty({ nullable: true, type: String }) entity_id: string | null;
  @ApiProperty({ nullable: true, type: Object, description: 'before/after of mutations; secrets and incomes redacted' })
  changes: unknown;
}

export class EventPageDto {
  @ApiProperty({ type: [EventResponseDto] }) data: EventResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() skip: number;
  @ApiProperty() limit: number;
}

export class CountDto {
  @ApiProperty() key: string;
  @ApiProperty() count: number;
}

export class EventSummaryDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) by_category: Record<string, number>;
  @ApiProperty({ type: [CountDto], description: 'key = day (YYYY-MM-DD, school time zone)' }) by_day: CountDto[];
  @ApiProperty({ description: 'Share of requests answered 4xx/5xx (0..1)' }) error_rate: number;
  @ApiProperty({ description: 'Share of requests answered 5xx (0..1)' }) server_error_rate: number;
  @ApiProperty({ type: 'object', properties: { p50: { type: 'number' }, p95: { type: 'number' } } })
  latency_ms: { p50: number | null; p95: number | null };
  @ApiProperty({ type: [CountDto] }) top_actions: CountDto[];
}

export class SecurityReportDto {
  @ApiProperty() hours: number;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty() failed_logins: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'counts of 401, 403, 429' })
  by_status: Record<string, number>;
  @ApiProperty({ type: [CountDto] }) by_ip: CountDto[];
  @ApiProperty({ type: [CountDto] }) by_username: CountDto[];
  @ApiProperty({ type: [EventResponseDto] }) recent: EventResponseDto[];
}
