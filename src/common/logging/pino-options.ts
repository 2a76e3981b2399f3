import { Logger } from '@nestjs/common';
import pino, { type DestinationStream } from 'pino';
import type { AppConfig } from '../../config/app-config';
import { currentRequestContext } from '../context/request-context';

/** Paths whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body.password',
  'req.body.refresh_token',
  // A secret logged as a top-level field (`logger.info({ password })`) as well as one level down.
  'password',
  'refresh_token',
  'access_token',
  'authorization',
  '*.password',
  '*.refresh_token',
  '*.access_token',
  '*.authorization',
];

/**
 * The app's own lines (services, Nest, errors): structured JSON, secrets redacted, each line written
 * during a request carrying its `request_id` (Fastify assigns it from X-Request-Id or generates it).
 * The id comes from the request's context through pino's mixin, so no child logger is made per request.
 */
export function buildAppLogger(config: AppConfig, stream: DestinationStream): pino.Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      mixin: () => {
        const context = currentRequestContext();
        return context ? { request_id: context.requestId } : {};
      },
    },
    stream,
  );
}

/**
 * The request lines' logger: the same stream and level as the app's, without the redaction paths —
 * its lines hold only the fields the request log writes (request-log.ts), none of them a secret, and
 * matching the paths on every line cost 2 % of a GET.
 */
export function buildRequestLogger(config: AppConfig, stream: DestinationStream): pino.Logger {
  return pino({ level: config.logLevel }, stream);
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

/** The process's log stream (one app per process in production), for printAfterLogs. */
let destination: ReturnType<typeof pino.destination> | undefined;
let batching = false;

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
