/**
 * The request pipeline, every step in the order a request meets it (main.ts and every e2e test build
 * the app through createApp, so tests run exactly this):
 *
 *  1. Fastify: body limit, request timeout, trailing slashes, trusted proxy (createApp's adapter).
 *  2. onRequest hooks: X-Request-Id (below), the request's language from Accept-Language (i18n/language.ts),
 *     then the event recorder's start (events/event-recorder.ts).
 *  3. helmet (security headers, CSP) and CORS (below).
 *  4. Body parsers: JSON with an empty body read as {} (below), multipart for uploads (adapter option).
 *  5. Global prefix /api (health and metrics stay at the root).
 *  6. Guards: JwtAuthGuard (deny by default; @Public() opts out) then RolesGuard (@Roles) — auth/.
 *  7. Interceptor: EventContextInterceptor (the id of a created object) — events/.
 *  8. ValidationPipe (whitelist, transform; 422/400) — common/http/validation.ts.
 *  9. Controller → service → TypeORM → PostgreSQL.
 * 10. ProblemDetailsFilter: any error as problem+json, in the request's language — common/filters/problem-details.filter.ts.
 * 11. onResponse hooks: HTTP metrics (metrics/http-metrics.ts), then the event row (events/).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import type { RawServerDefault } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { ProblemDetailsFilter } from './common/filters/problem-details.filter';
import { createValidationPipe } from './common/http/validation';
import { setupDocs } from './docs/docs.setup';
import { registerLanguageHook } from './i18n/language';
import { registerHttpMetrics } from './metrics/http-metrics';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { EventContextInterceptor } from './events/event-context.interceptor';
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
 * The existing web client POSTs some calls (e.g. the bearer-only token refresh) with a JSON content
 * type and no body. Fastify rejects that as malformed; we read it as `{}` and keep Fastify's own
 * parser (with prototype-poisoning protection) for everything else.
 */
function acceptEmptyJsonBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const defaultJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = body.toString('utf8');
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    void defaultJson(request, text, done);
  });
}

export async function setupApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    done();
  });
  registerLanguageHook(fastify);
  registerHttpMetrics(fastify);
  registerEventHooks(fastify, app.get(EventWriter));
  acceptEmptyJsonBodies(app, config.http.bodyLimitBytes);
  await app.register(helmet, {
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
  if (config.http.corsOrigins) {
    app.enableCors({
      origin: config.http.corsOrigins === '*' ? true : config.http.corsOrigins,
      credentials: config.http.corsOrigins !== '*',
      exposedHeaders: ['X-Total-Count', 'X-Request-Id', 'Content-Disposition', 'Retry-After'],
    });
  }
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  // Order matters: authentication first, then the role check that needs request.user.
  app.useGlobalGuards(app.get(JwtAuthGuard), app.get(RolesGuard));
  app.useGlobalInterceptors(app.get(EventContextInterceptor));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupDocs(app);
  await app.init();
}
