import type { EventResponseDto } from './dto/event-response.dto';
import type { EventLog } from './event-log.entity';

export function toEventResponse(e: EventLog): EventResponseDto {
  return {
    id: Number(e.id),
    occurred_at: e.occurredAt.toISOString(),
    request_id: e.requestId,
    category: e.category,
    action: e.action,
    user_id: e.userId,
    username: e.username,
    role: e.role,
    method: e.method,
    path: e.path,
    status: e.status,
    duration_ms: e.durationMs,
    ip: e.ip,
    user_agent: e.userAgent,
    entity_type: e.entityType,
    entity_id: e.entityId,
    changes: e.changes ?? null,
  };
}
