import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainException } from '../common/http/problem';
import { EVENTS_ERRORS } from './events.errors';
import { type AuditChange, type AuditStore, currentAudit } from '../common/audit/audit-context';
import type { AuthUser } from '../common/role';
import { deriveAction, deriveCategory, routeEntityType } from './event-classifier';
import type { EventRecord, EventWriter } from './event-writer.service';
import { redact } from '../common/audit/redact';

/** Probes, docs and metrics would drown the log without telling anyone anything. */
const UNLOGGED = /^\/(health|metrics|docs|redoc|api\/health)(?=[/?.-]|$)/;
const MAX_ITEMS = 100;

interface RequestState {
  store: AuditStore;
  startedAt: Date;
  /** The id of the object a handler returned (e.g. a create), set by the preSerialization hook. */
  responseEntityId?: string;
}

const states = new WeakMap<FastifyRequest, RequestState>();
/** Requests refused by back-pressure: they did nothing and are not logged. */
const refused = new WeakSet<FastifyRequest>();

/**
 * The id of the object a handler returned (a create, a get), when no service recorded a change naming
 * it. Fastify's preSerialization hook sees exactly the object a handler's result is sent as (strings,
 * buffers and streams skip it); a status below 400 means a handler answered, not the error filter or
 * the not-found handler. A hook rather than a Nest interceptor: an interceptor makes Nest wrap every
 * handler in rxjs Observables.
 */
function rememberResponseEntity(request: FastifyRequest, reply: FastifyReply, body: unknown): void {
  if (reply.statusCode >= 400 || !body || typeof body !== 'object' || Array.isArray(body) || !('id' in body)) return;
  const id = (body as { id: unknown }).id;
  const state = states.get(request);
  if (state && (typeof id === 'number' || typeof id === 'string')) state.responseEntityId = String(id);
}

function changesOf(list: AuditChange[]): unknown {
  if (list.length === 0) return null;
  if (list.length === 1) return redact({ before: list[0].before ?? null, after: list[0].after ?? null });
  const items = list.slice(0, MAX_ITEMS).map((c) => ({ entity_type: c.entity_type, entity_id: c.entity_id ?? null, before: c.before ?? null, after: c.after ?? null }));
  return redact({ items, ...(list.length > MAX_ITEMS ? { truncated: list.length - MAX_ITEMS } : {}) });
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' ? value.slice(0, 512) : null;
}

/** One event row from what the request left behind: the audit store, the caller, the route, the status. */
export function buildEvent(request: FastifyRequest, reply: FastifyReply, state: RequestState): EventRecord {
  const { store } = state;
  const route = request.routeOptions?.url;
  const status = reply.statusCode;
  const action = store.action ?? deriveAction(request.method, route);
  const user = (request as FastifyRequest & { user?: AuthUser }).user;
  const first = store.changes[0];
  const params = (request.params ?? {}) as Record<string, unknown>;
  const paramId = params.id ?? params.user_id ?? params.version;
  const entityId = first?.entity_id ?? state.responseEntityId ?? (typeof paramId === 'string' ? paramId : undefined);
  return {
    occurred_at: state.startedAt,
    request_id: String(request.id ?? '').slice(0, 128) || null,
    category: deriveCategory(route, status, action),
    action: action.slice(0, 100),
    user_id: user?.id ?? store.userId ?? null,
    username: (user?.username ?? store.username ?? null)?.slice(0, 100) ?? null,
    role: user?.role ?? store.role ?? null,
    method: request.method.slice(0, 10),
    path: request.url.split('?')[0].slice(0, 2048),
    status,
    duration_ms: Math.round(reply.elapsedTime * 100) / 100,
    ip: request.ip?.slice(0, 64) ?? null,
    user_agent: header(request, 'user-agent'),
    entity_type: (first?.entity_type ?? (entityId !== undefined ? routeEntityType(route) : undefined) ?? null)?.slice(0, 50) ?? null,
    entity_id: entityId !== undefined && entityId !== null ? String(entityId).slice(0, 64) : null,
    changes: changesOf(store.changes),
  };
}

/**
 * Fastify hooks rather than only a Nest interceptor, because guards (401/403), the throttle (429),
 * validation (422) and unknown routes (404) answer before or around any interceptor. `onRequest`
 * takes the request's audit store from its context (Fastify keeps it through body parsing), and
 * `onResponse` — which runs exactly once per answered request — hands one row to the writer.
 *
 * Back-pressure: while the writer's buffer is full (the database unreachable or too slow), a new
 * request is refused with 503 before it does anything, instead of doing its work and then losing its
 * row. Refused requests never reach a controller and have no row (API.md §7); they are counted in
 * edupro_events_backpressure_total.
 */
export function registerEventHooks(fastify: FastifyInstance, writer: EventWriter): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (UNLOGGED.test(request.url)) {
      done();
      return;
    }
    if (writer.saturated) {
      refused.add(request);
      writer.refuse();
      done(new DomainException(HttpStatus.SERVICE_UNAVAILABLE, EVENTS_ERRORS.EVENT_LOG_BACKLOG, { cause: writer.saturationCause }));
      return;
    }
    // The audit store is the request context's (common/context/request-context.hook.ts, the first hook).
    states.set(request, { store: currentAudit() ?? { changes: [] }, startedAt: new Date() });
    done();
  });
  fastify.addHook('preSerialization', (request, reply, payload, done) => {
    rememberResponseEntity(request, reply, payload);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!UNLOGGED.test(request.url) && !refused.has(request)) {
      // No state when Fastify answered before the onRequest hooks (e.g. a malformed URL): still one row.
      const state = states.get(request) ?? { store: { changes: [] }, startedAt: new Date(Date.now() - reply.elapsedTime) };
      writer.push(buildEvent(request, reply, state));
    }
    done();
  });
}
