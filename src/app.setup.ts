/**
 * The request pipeline, every step in the order a request meets it (main.ts and every e2e test build
 * the app through createApp, so tests run exactly this):
 *
 *  1. Fastify: body limit, request timeout, trailing slashes, trusted proxy (createApp's adapter).
 *  2. onRequest hooks: the request's context — X-Request-Id, its language from Accept-Language, an audit
 *     store — in one AsyncLocalStorage (common/context/), the event log's back-pressure (503 while its
 *     buffer is full) else the event recorder's start (events/event-recorder.ts), then the URL check
 *     (400 for NUL, bad escapes, non-UTF-8 in path or query — common/http/body-parsers.ts).
 *  3. helmet's security headers and CSP (recorded once at start-up) and CORS (below).
 *  4. Body parsers (common/http/body-parsers.ts): JSON (UTF-8, clean text, depth ≤ 32, empty body
 *     read as {}), the OAuth2 form decoded strictly, multipart for uploads (adapter option).
 *  5. Global prefix /api (health and metrics stay at the root).
 *  6. Guards: JwtAuthGuard (deny by default; @Public() opts out) then RolesGuard (@Roles) — auth/;
 *     then RateLimitGuard (@RateLimited: per-user limits of expensive routes, in PostgreSQL) — common/rate-limit/;
 *     then MediaTypeGuard (415 unless the route's @ApiConsumes, default JSON) — common/http/.
 *  7. No interceptors: with none, Nest calls the handler without rxjs (the event row's entity id comes
 *     from the preSerialization hook of step 11).
 *  8. Pipes: the global ValidationPipe (whitelist, transform; 422/400; leaves path params alone) —
 *     common/http/validation.ts, and the route-level ones of @ValidBody/@ValidQuery with the same options
 *     (common/http/validated-params.ts); ParseIdPipe on every path id — common/http/parse-id.pipe.ts.
 *  9. Controller → service → TypeORM → PostgreSQL.
 * 10. ProblemDetailsFilter: any error as problem+json, in the request's language — common/filters/problem-details.filter.ts.
 * 11. preSerialization hook: the id of the object a handler returned, for the event row (events/).
 *     onSend hooks: `Vary: Accept-Language` (i18n/language.ts), then `Cache-Control: no-store` on every
 *     /api answer (tokens, records, exports) (below).
 * 12. onResponse hooks: HTTP metrics (metrics/http-metrics.ts), the request's log line
 *     (common/logging/request-log.ts), then the event row (events/).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { RequestMethod } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { ProblemDetailsFilter } from './common/filters/problem-details.filter';
import { registerBodyParsers, registerUrlCheck } from './common/http/body-parsers';
import { MediaTypeGuard } from './common/http/media-type.guard';
import { createValidationPipe } from './common/http/validation';
import { QuietStartupLogger } from './common/logging/quiet-startup-logger';
import { setListMaxLimit } from './common/query/page-query.dto';
import { setupDocs } from './docs/docs.setup';
import { registerLanguageHook } from './i18n/language';
import { registerRequestContext } from './common/context/request-context.hook';
import { REQUEST_LOGGER, registerRequestLog } from './common/logging/request-log';
import { registerHttpMetrics } from './metrics/http-metrics';
import { answerFrameworkError } from './common/http/framework-errors';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { RateLimitGuard } from './common/rate-limit/rate-limit.guard';
import { registerEventHooks } from './events/event-recorder';
import { EventWriter } from './events/event-writer.service';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reuses a well-formed incoming X-Request-Id (so a proxy's id follows the request), else a new UUID. */
function requestId(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  const id = value && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}

/**
 * Builds the application exactly as it serves: main.ts and every e2e test call this, so tests run the
 * real pipeline (adapter, prefix, security headers, CORS, limits, validation, problem+json, docs).
 */
export async function createApp(config: AppConfig, options: { bufferLogs?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    genReqId: requestId,
    requestTimeout: config.http.requestTimeoutMs,
    routerOptions: { ignoreTrailingSlash: true },
    // A path that does not decode fails in the router, before hooks and filters: problem+json too.
    frameworkErrors: answerFrameworkError,
    trustProxy: config.http.trustProxy,
    forceCloseConnections: 'idle',
    // Uploads (the /upload/excel routes): Nest registers @fastify/multipart with these limits.
    multipart: { limits: { fileSize: config.http.uploadLimitBytes, files: 1, fields: 20 } },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: options.bufferLogs ?? true,
  });
  await setupApp(app, config);
  return app;
}

/**
 * Answers under /api are personal (records, tokens, exports of a school's students): no browser or
 * proxy cache may keep them. Docs and health stay cacheable.
 */
function noStoreForApi(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) void reply.header('Cache-Control', 'no-store');
      done(null, payload);
    });
}

/**
 * helmet's security headers and CSP on every answer. Our helmet options hold no per-request value
 * (no nonce), so helmet runs once at start-up against a recording response and every answer gets the
 * recorded headers in one step. Running helmet's middleware per request cost 3.5 % of a GET (and
 * @fastify/helmet, which also rebuilt the middleware per request, 4 %).
 */
function registerSecurityHeaders(fastify: FastifyInstance): void {
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        // Served over plain HTTP on school LANs: upgrading would break the docs' own assets.
        upgradeInsecureRequests: null,
      },
    },
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  securityHeaders({ headers: {} } as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

export async function setupApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestContext(fastify);
  registerLanguageHook(fastify);
  registerHttpMetrics(fastify);
  registerRequestLog(fastify, app.get(REQUEST_LOGGER));
  registerEventHooks(fastify, app.get(EventWriter));
  registerUrlCheck(app);
  registerBodyParsers(app, config.http.bodyLimitBytes);
  noStoreForApi(app);
  registerSecurityHeaders(fastify);
  setListMaxLimit(config.http.listMaxLimit);
  if (config.http.corsOrigins) {
    app.enableCors({
      origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins,
      credentials: config.http.corsOrigins !== '*',
      // @fastify/cors allows only GET,HEAD,POST by default: the client's PUT/PATCH/DELETE [client].
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Total-Count', 'X-Request-Id', 'Content-Disposition', 'Retry-After'],
    });
  }
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  // Order matters: authentication first, then the role check that needs request.user, then the
  // per-user rate limit (only permitted calls count), then the media type (415 before any pipe's 422).
  app.useGlobalGuards(app.get(JwtAuthGuard), app.get(RolesGuard), app.get(RateLimitGuard), new MediaTypeGuard(app.get(Reflector)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupDocs(app);
  await app.init();
}
