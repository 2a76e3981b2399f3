import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pino from 'pino';

/** The Nest token of the request lines' logger (logging.module.ts). */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');

/** Liveness probes would fill the log with a line every few seconds; /metrics stays logged. */
const UNLOGGED_PATHS = new Set(['/health', '/api/health/live']);

/**
 * One line per answered request, the fields pino-http wrote (`req` {id, method, url, remoteAddress},
 * `request_id`, `res` {statusCode}, `responseTime` in ms; "request completed", or "request errored"
 * at level error with `err` for a 5xx), written from Fastify's onResponse hook. pino-http ran as
 * Nest middleware (through @fastify/middie) with a child logger per request: 13–15 % of a GET's CPU.
 */
export function requestLine(request: FastifyRequest, reply: FastifyReply): Record<string, unknown> {
  const status = reply.statusCode;
  return {
    req: { id: request.id, method: request.method, url: request.raw.url, remoteAddress: request.raw.socket?.remoteAddress },
    request_id: request.id,
    res: { statusCode: status },
    responseTime: Math.round(reply.elapsedTime),
    ...(status >= 500 ? { err: { type: 'Error', message: `failed with status code ${status}` } } : {}),
  };
}

export function registerRequestLog(fastify: FastifyInstance, logger: pino.Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!UNLOGGED_PATHS.has(request.raw.url ?? '')) {
      if (reply.statusCode >= 500) logger.error(requestLine(request, reply), 'request errored');
      else if (logger.isLevelEnabled('info')) logger.info(requestLine(request, reply), 'request completed');
    }
    done();
  });
}
