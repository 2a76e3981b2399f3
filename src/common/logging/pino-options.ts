import type { IncomingMessage } from 'node:http';
import { Logger, RequestMethod } from '@nestjs/common';
import pino, { type DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/app-config';

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body.password',
  'req.body.refresh_token',
  '*.password',
  '*.refresh_token',
  '*.access_token',
  '*.authorization',
];

/**
 * Structured JSON logs: one line per request plus the app's own lines, each with the request id
 * (Fastify assigns it from X-Request-Id or generates it; pino-http reuses `req.id`).
 */
export function buildPinoHttpOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    genReqId: (req: IncomingMessage) => String((req as IncomingMessage & { id?: string }).id ?? req.headers['x-request-id'] ?? ''),
    customProps: (req: IncomingMessage) => ({ request_id: (req as IncomingMessage & { id?: string }).id }),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/api/health/live' },
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        remoteAddress: req.remoteAddress,
      }),
      // The status is what a log reader needs; all response headers on every line cost CPU and disk.
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * stdout, written asynchronously. In production lines are batched (one line per request made
 * synchronous writes a tenth of an authenticated GET's CPU); pino flushes on exit. In development
 * every line appears at once. A batch is written once it holds 2 KiB, so a write is whole lines and,
 * for lines under 2 KiB, at most 4 KiB — PIPE_BUF, the size a pipe writes atomically: with
 * WEB_CONCURRENCY > 1 the workers share one stdout and their lines never interleave.
 */
export function buildLogDestination(config: AppConfig): DestinationStream {
  batching = config.env === 'production';
  destination = pino.destination({ dest: 1, sync: false, minLength: batching ? 2048 : 0 });
  return destination;
}

/** The process's log stream (one app per process in production), for flushLogs. */
let destination: ReturnType<typeof pino.destination> | undefined;
let batching = false;

/**
 * The routes the request logger runs on. nestjs-pino 4 (the last release that supports Node 20)
 * defaults to `*`, which Nest 12 rewrites with a warning at every start; `{/*splat}` is what
 * nestjs-pino 5 uses, and the routes outside the /api prefix are listed as it adds them.
 */
export const LOGGED_ROUTES = [
  { path: '{/*splat}', method: RequestMethod.ALL },
  { path: 'health', method: RequestMethod.GET },
  { path: 'metrics', method: RequestMethod.GET },
];

/**
 * Prints text after every log line written so far: Nest's start-up buffer (bufferLogs) is handed to
 * pino first, then the text goes through the same asynchronous stream as the log lines, so nothing
 * logged before it can overtake it (a plain stdout write would pass the lines still queued).
 */
export function printAfterLogs(text: string): void {
  Logger.flush();
  if (!destination) {
    process.stdout.write(text);
    return;
  }
  destination.write(text);
  // Production batches writes into 4 KiB chunks; the banner must not wait for the next request.
  if (batching) destination.flush();
}
