import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { HTTP_ERRORS } from '../common/http/http.errors';
import { countRows } from '../common/query/count-rows';
import { DomainException } from '../common/http/problem';
import { msg } from '../i18n/catalogue';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { CountDto, EventPageDto, EventResponseDto, EventSummaryDto, SecurityReportDto } from './dto/event-response.dto';
import type { ListEventsQueryDto, RecentEventsQueryDto, SecurityQueryDto, SummaryQueryDto } from './dto/event-query.dto';
import { EventLog } from './event-log.entity';
import { toEventResponse } from './event.mapper';

const LOGIN_FAILURES = ['auth.login_failed', 'auth.login_throttled', 'auth.login_inactive'];

const counts = (rows: Array<{ key: string | null; count: string | number }>): CountDto[] =>
  rows.map((r) => ({ key: String(r.key ?? ''), count: Number(r.count) }));

/** The admin's views of the event log (API.md §7). */
@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private query(): SelectQueryBuilder<EventLog> {
    return this.dataSource.getRepository(EventLog).createQueryBuilder('e');
  }

  async list(q: ListEventsQueryDto): Promise<EventPageDto> {
    const qb = this.query();
    if (q.category) qb.andWhere('e.category = :category', { category: q.category });
    if (q.action) qb.andWhere('e.action = :action', { action: q.action });
    if (q.user_id !== undefined) qb.andWhere('e.user_id = :userId', { userId: q.user_id });
    if (q.status !== undefined) qb.andWhere('e.status = :status', { status: q.status });
    if (q.from) qb.andWhere('e.occurred_at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('e.occurred_at <= :to', { to: new Date(q.to) });
    if (q.entity_type) qb.andWhere('e.entity_type = :entityType', { entityType: q.entity_type });
    if (q.entity_id) qb.andWhere('e.entity_id = :entityId', { entityId: q.entity_id });
    return this.page(qb, q.skip, q.limit);
  }

  async recent(q: RecentEventsQueryDto): Promise<EventResponseDto[]> {
    const qb = this.query();
    if (q.category) qb.where('e.category = :category', { category: q.category });
    const rows = await qb.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').take(q.limit).getMany();
    return rows.map(toEventResponse);
  }

  userActivity(userId: number, skip: number, limit: number): Promise<EventPageDto> {
    return this.page(this.query().where('e.user_id = :userId', { userId }), skip, limit);
  }

  async summary(q: SummaryQueryDto): Promise<EventSummaryDto> {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 7 * 86_400_000);
    if (from > to) throw new DomainException(HttpStatus.BAD_REQUEST, HTTP_ERRORS.INVALID_QUERY, {}, { errors: [{ field: 'from', message: msg('FROM_AFTER_TO') }] });
    const range = [from, to];
    const where = 'occurred_at >= $1 AND occurred_at <= $2';
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status >= 400)::int AS errors,
              count(*) FILTER (WHERE status >= 500)::int AS server_errors,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
         FROM event_log WHERE ${where}`,
      range,
    );
    const byCategory: Array<{ key: string; count: number }> = await this.dataSource.query(
      `SELECT category AS key, count(*)::int AS count FROM event_log WHERE ${where} GROUP BY category ORDER BY category`,
      range,
    );
    const byDay = await this.dataSource.query(
      `SELECT to_char(occurred_at AT TIME ZONE $3, 'YYYY-MM-DD') AS key, count(*)::int AS count
         FROM event_log WHERE ${where} GROUP BY 1 ORDER BY 1`,
      [...range, this.config.schoolTimezone],
    );
    const topActions = await this.dataSource.query(
      `SELECT action AS key, count(*)::int AS count FROM event_log WHERE ${where} GROUP BY action ORDER BY count DESC, action LIMIT 10`,
      range,
    );
    const total = Number(totals.total);
    const round = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      total,
      by_category: Object.fromEntries(byCategory.map((r) => [r.key, Number(r.count)])),
      by_day: counts(byDay),
      error_rate: total ? Number(totals.errors) / total : 0,
      server_error_rate: total ? Number(totals.server_errors) / total : 0,
      latency_ms: { p50: round(totals.p50), p95: round(totals.p95) },
      top_actions: counts(topActions),
    };
  }

  async security(q: SecurityQueryDto): Promise<SecurityReportDto> {
    const since = new Date(Date.now() - q.hours * 3_600_000);
    const base = `occurred_at >= $1 AND category = 'SECURITY'`;
    const [failed] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM event_log WHERE occurred_at >= $1 AND action = ANY($2)`,
      [since, LOGIN_FAILURES],
    );
    const byStatus: Array<{ key: number; count: number }> = await this.dataSource.query(
      `SELECT status AS key, count(*)::int AS count FROM event_log WHERE occurred_at >= $1 AND status IN (401, 403, 429) GROUP BY status`,
      [since],
    );
    const byIp = await this.dataSource.query(
      `SELECT ip AS key, count(*)::int AS count FROM event_log WHERE ${base} AND ip IS NOT NULL GROUP BY ip ORDER BY count DESC, ip LIMIT 20`,
      [since],
    );
    const byUsername = await this.dataSource.query(
      `SELECT username AS key, count(*)::int AS count FROM event_log WHERE ${base} AND username IS NOT NULL
        GROUP BY username ORDER BY count DESC, username LIMIT 20`,
      [since],
    );
    const recent = await this.query()
      .where('e.occurred_at >= :since AND e.category = :category', { since, category: 'SECURITY' })
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .take(50)
      .getMany();
    const statuses: Record<string, number> = { '401': 0, '403': 0, '429': 0 };
    for (const row of byStatus) statuses[String(row.key)] = Number(row.count);
    return {
      hours: q.hours,
      since: since.toISOString(),
      failed_logins: Number(failed.n),
      by_status: statuses,
      by_ip: counts(byIp),
      by_username: counts(byUsername),
      recent: recent.map(toEventResponse),
    };
  }

  /** `total` as every list counts it (countRows: exact up to 100,000 rows; 5 M events are not counted one by one). */
  private async page(qb: SelectQueryBuilder<EventLog>, skip: number, limit: number): Promise<EventPageDto> {
    const total = await countRows(qb);
    const rows = await qb.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').skip(skip).take(limit).getMany();
    return { data: rows.map(toEventResponse), total, skip, limit };
  }
}
