import type { FastifyInstance } from 'fastify';
import { httpDuration, httpRequests } from './instruments';

/**
 * Counts every request by route pattern (not raw URL, so ids do not explode the label set) and status.
 * Registered as a Fastify hook so guard rejections and 404s are counted too.
 */
export function registerHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    httpRequests.inc(labels);
    httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
