import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasText, translate } from '../../i18n/catalogue';
import { negotiateLanguage } from '../../i18n/language';

/**
 * Errors Fastify raises while routing, before any hook, pipe or filter runs: a path whose
 * percent-escapes do not decode to UTF-8 (`PUT /api/siswa/%FF`, FST_ERR_BAD_URL). Answered as every
 * other refusal is, as problem+json, instead of Fastify's own JSON shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  const code = badUrl ? 'INVALID_URL' : 'BAD_REQUEST';
  // Routing fails before the language hook runs: the header is negotiated here.
  const lang = negotiateLanguage(request.headers['accept-language']);
  void reply
    .status(status)
    .header('Content-Type', 'application/problem+json; charset=utf-8')
    .header('Content-Language', lang)
    .header('Vary', 'Accept-Language')
    .send({
      type: `urn:edupro:problem:${code.toLowerCase()}`,
      title: translate(lang, 'titles', hasText('titles', String(status)) ? String(status) : 'default'),
      status,
      detail: translate(lang, 'errors', code, { reason: error.message ?? '' }),
      instance: (request.url ?? '').split('?')[0],
      code,
      request_id: String(request.id ?? ''),
    });
}
