import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { type ErrorCode, hasText, isMessage, type Lang, type Message, type MessageParams, render, translate } from '../../i18n/catalogue';
import { negotiateLanguage } from '../../i18n/language';
import { DomainException, type ProblemDetails } from '../http/problem';
import { isDatabaseUnavailable, mapDatabaseError } from './database-errors';

interface HttpLikeError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
}

/** What the filter turns an exception into, before it is rendered in the request's language. */
interface Problem {
  status: number;
  detail: Message;
  extra?: Record<string, unknown>;
}

const problemOf = (status: number, code: ErrorCode, params?: MessageParams, extra: Record<string, unknown> = {}): Problem => ({
  status,
  detail: { ns: 'errors', key: code, params },
  extra: { code, ...extra },
});

/** Fastify errors that are the client's fault carry a 4xx statusCode (bad JSON, body too large, …). */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as HttpLikeError;
  const status = e.statusCode ?? e.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function fastifyProblem(error: HttpLikeError, status: number, request: FastifyRequest): Problem {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf(status, 'MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return problemOf(status, 'BODY_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf(status, 'UNSUPPORTED_MEDIA_TYPE', { type: request.headers['content-type'] ?? '' });
    default:
      return problemOf(status, 'REQUEST_FAILED');
  }
}

/** Nest's own HTTP exceptions (an unknown route, a pipe of a library): a catalogue code where one fits. */
function httpProblem(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const text = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const route = typeof text === 'string' ? /^Cannot ([A-Z]+) (.*)$/.exec(text) : null;
  if (status === 404 && route) return problemOf(404, 'ROUTE_NOT_FOUND', { method: route[1], path: route[2]?.split('?')[0] });
  const code = typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && hasText('errors', code)) return problemOf(status, code as ErrorCode);
  return problemOf(status, 'REQUEST_FAILED');
}

/** `errors[].message` rendered; the rendered list is also the `{errors}` parameter of the detail. */
function renderErrors(lang: Lang, errors: unknown): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(errors)) return undefined;
  return errors.map((e: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...e };
    for (const key of ['message', 'detail']) if (isMessage(e[key])) out[key] = render(lang, e[key]);
    return out;
  });
}

/**
 * Turns every error into application/problem+json (API.md §1) in the request's language
 * (Accept-Language: Bahasa Indonesia by default, English on request — src/i18n). Client errors keep
 * their status; database constraint violations become 409/404/422; anything unexpected is logged
 * with an error id that the 500 response carries — never a stack trace.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.status === 401 && !reply.getHeader('www-authenticate')) {
      void reply.header('WWW-Authenticate', 'Bearer');
    }
    // 429 and 503 say when to come back: a domain error may carry `retry_after` (seconds), e.g. a
    // throttled login; an unavailable database suggests 5 s.
    if ((problem.status === 429 || problem.status === 503) && !reply.getHeader('retry-after')) {
      const seconds = typeof problem.retry_after === 'number' ? problem.retry_after : problem.status === 503 ? 5 : undefined;
      if (seconds !== undefined) void reply.header('Retry-After', String(seconds));
    }
    void reply
      .status(problem.status)
      .header('Content-Type', 'application/problem+json; charset=utf-8')
      .header('Content-Language', negotiateLanguage(request.headers['accept-language']))
      .send(problem);
  }

  toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const lang = negotiateLanguage(request.headers['accept-language']);
    const { status, detail, extra = {} } = this.classify(exception, request);
    const errors = renderErrors(lang, extra.errors);
    const params: MessageParams = errors
      ? { errors: errors.map((e) => String(e.message ?? e.detail ?? '')).join('; '), ...detail.params }
      : (detail.params ?? {});
    return {
      type: typeof extra.code === 'string' ? `urn:edupro:problem:${extra.code.toLowerCase()}` : 'about:blank',
      title: hasText('titles', String(status)) ? translate(lang, 'titles', String(status)) : translate(lang, 'titles', 'default'),
      status,
      detail: render(lang, { ...detail, params }),
      instance: request.url?.split('?')[0] ?? '',
      request_id: String(request.id ?? ''),
      ...extra,
      ...(errors ? { errors } : {}),
    };
  }

  private classify(exception: unknown, request: FastifyRequest): Problem {
    if (exception instanceof DomainException) {
      return { status: exception.getStatus(), detail: exception.detail, extra: { code: exception.code, ...exception.extra } };
    }
    // Nest's Fastify adapter wraps Fastify's own 4xx errors (bad JSON, body too large) with the error as cause.
    if (exception instanceof HttpException && clientErrorStatus(exception.cause) !== undefined) {
      return fastifyProblem(exception.cause as HttpLikeError, exception.getStatus(), request);
    }
    if (exception instanceof HttpException) return httpProblem(exception);
    if (exception instanceof QueryFailedError) {
      const mapped = mapDatabaseError(exception);
      if (mapped) return problemOf(mapped.status, mapped.code, mapped.params);
    }
    if (isDatabaseUnavailable(exception)) return problemOf(503, 'DATABASE_UNAVAILABLE');
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== undefined) return fastifyProblem(exception as HttpLikeError, clientStatus, request);
    const errorId = randomUUID();
    const instance = request.url?.split('?')[0] ?? '';
    this.logger.error(
      { err: exception, errorId, requestId: request.id, path: instance },
      `Unexpected error ${errorId} on ${request.method} ${instance}`,
    );
    return problemOf(500, 'INTERNAL_ERROR', { error_id: errorId }, { error_id: errorId });
  }
}
