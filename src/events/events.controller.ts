import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ID_PIPE } from '../common/http/validation';
import { ApiEndpoint } from '../common/openapi/api-endpoint.decorator';
import { ADMIN_ONLY } from '../common/role';
import { ListEventsQueryDto, PageQueryDto, RecentEventsQueryDto, SecurityQueryDto, SummaryQueryDto } from './dto/event-query.dto';
import { EventPageDto, EventResponseDto, EventSummaryDto, SecurityReportDto } from './dto/event-response.dto';
import { EventsService } from './events.service';

/** `/api/events`: the event log, for admins (API.md §7, §9). */
@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'Events, newest first, filtered and paged', response: EventPageDto, errors: [400] })
  list(@Query() query: ListEventsQueryDto): Promise<EventPageDto> {
    return this.events.list(query);
  }

  @Get('recent')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'The latest events', response: [EventResponseDto], errors: [400] })
  recent(@Query() query: RecentEventsQueryDto): Promise<EventResponseDto[]> {
    return this.events.recent(query);
  }

  @Get('summary')
  @ApiEndpoint({
    roles: ADMIN_ONLY,
    summary: 'Counts per category and day, error rate, p50/p95 latency, top actions',
    response: EventSummaryDto,
    errors: [400],
  })
  summary(@Query() query: SummaryQueryDto): Promise<EventSummaryDto> {
    return this.events.summary(query);
  }

  @Get('security')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: 'Failed logins and 401/403/429 by IP and username', response: SecurityReportDto, errors: [400] })
  security(@Query() query: SecurityQueryDto): Promise<SecurityReportDto> {
    return this.events.security(query);
  }

  @Get('user-activity/:user_id')
  @ApiEndpoint({ roles: ADMIN_ONLY, summary: "One user's trail, newest first", response: EventPageDto, errors: [400] })
  userActivity(@Param('user_id', ID_PIPE) userId: number, @Query() page: PageQueryDto): Promise<EventPageDto> {
    return this.events.userActivity(userId, page.skip, page.limit);
  }
}
