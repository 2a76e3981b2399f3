import type { FastifyInstance } from 'fastify';
import { negotiateLanguage } from '../../i18n/language';
import { runInRequestContext } from './request-context';

/**
 * The first onRequest hook: answers the request id in `X-Request-Id` and enters the request's
 * context (id, language, an empty audit store), which Fastify keeps through its later hooks, the
 * body parsers, Nest's guards, pipes and handler, and the answer's hooks.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    runInRequestContext({ requestId: String(request.id), lang: negotiateLanguage(request.headers['accept-language']), audit: { changes: [] } }, done);
  });
}
