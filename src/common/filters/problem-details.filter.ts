import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { type ProblemDetails, STATUS_TITLES } from '../http/problem';
import { isDatabaseUnavailable, mapDatabaseError } from './database-errors';

interface HttpLikeError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
}

/** Fastify errors that are the client's fault carry a 4xx statusCode (bad JSON, body too large, …). */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as HttpLikeError;
  const status = e.statusCode ?? e.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function fastifyDetail(error: HttpLikeError, status: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `Malformed JSON body: ${error.message ?? ''}`.trim();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'Request body is larger than the configured limit';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported media type: ${error.message ?? ''}`.trim();
    default:
      return error.message ?? STATUS_TITLES[status] ?? 'Request failed';
  }
}

/**
 * Turns every error into application/problem+json (API.md §1). Client errors keep their status;
 * database constraint violations become 409/404/422; anything unexpected is logged with an error id
 * that the 500 response carries — never a stack trace.
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
      .send(problem);
  }

  toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const instance = request.url?.split('?')[0] ?? '';
    const base = (status: number, detail: string, extra: Record<string, unknown> = {}): ProblemDetails => ({
      type: typeof extra.code === 'string' ? `urn:edupro:problem:${String(extra.code).toLowerCase()}` : 'about:blank',
      title: STATUS_TITLES[status] ?? 'Error',
      status,
      detail,
      instance,
      request_id: String(request.id ?? ''),
      ...extra,
    });

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') return base(status, body);
      const { detail, message, error: _error, statusCode: _sc, ...rest } = body as Record<string, unknown>;
      const text =
        typeof detail === 'string'
          ? detail
          : Array.isArray(message)
            ? message.join('; ')
            : typeof message === 'string'
              ? message
              : (STATUS_TITLES[status] ?? 'Error');
      return base(status, text, rest);
    }
    if (exception instanceof QueryFailedError) {
      const mapped = mapDatabaseError(exception);
      if (mapped) return base(mapped.status, mapped.detail, { code: mapped.code });
    }
    if (isDatabaseUnavailable(exception)) {
      return base(503, 'The database is unavailable right now; try again in a few seconds', { code: 'DATABASE_UNAVAILABLE' });
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus !== undefined) {
      return base(clientStatus, fastifyDetail(exception as HttpLikeError, clientStatus));
    }
    const errorId = randomUUID();
    this.logger.error(
      { err: exception, errorId, requestId: request.id, path: instance },
      `Unexpected error ${errorId} on ${request.method} ${instance}`,
    );
    return base(500, `Unexpected server error; quote error id ${errorId} when reporting it`, { error_id: errorId });
  }
}
