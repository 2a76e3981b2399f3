import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_TITLES } from './problem';

/**
 * Errors Fastify raises while routing, before any hook, pipe or filter runs: a path whose
 * percent-escapes do not decode to UTF-8 (`PUT /api/siswa/%FF`, FST_ERR_BAD_URL). Answered as every
 * other refusal is, as problem+json, instead of Fastify's own JSON shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  const code = badUrl ? 'INVALID_URL' : 'BAD_REQUEST';
  void reply
    .status(status)
    .header('Content-Type', 'application/problem+json; charset=utf-8')
    .send({
      type: `urn:edupro:problem:${code.toLowerCase()}`,
      title: STATUS_TITLES[status] ?? 'Bad Request',
      status,
      detail: badUrl ? 'The URL path is not valid: a percent-escape does not decode to UTF-8 text' : (error.message ?? 'Bad request'),
      instance: (request.url ?? '').split('?')[0],
      code,
      request_id: String(request.id ?? ''),
    });
}
