import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { assertCleanJson, assertCleanUrl, checkJsonBody, parseFormBody } from './request-text';

/**
 * The two body types this API reads besides multipart uploads, both checked at the edge
 * (request-text.ts): UTF-8, clean text, bounded JSON depth.
 *
 * - JSON: Fastify's own parser (prototype-poisoning protection) after the checks. The existing web
 *   client POSTs some calls (the bearer-only token refresh) with a JSON content type and no body;
 *   Fastify would refuse that as malformed, so an empty body is read as `{}`.
 * - Form (the OAuth2 password form of POST /auth/token): decoded strictly here rather than by the
 *   lenient default, which passes `%00` through and leaves non-UTF-8 escapes undecoded.
 *
 * Which route takes which type is decided by MediaTypeGuard (415), not here.
 */
export function registerBodyParsers(app: NestFastifyApplication, bodyLimit: number): void {
  const defaultJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    const text = checkJsonBody(body);
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    // Fastify's parser calls back inside its own try/catch (a throw there would read as "malformed
    // JSON"), so the result is taken out first and checked after.
    let outcome: { error: Error | null; parsed?: unknown } = { error: null };
    void defaultJson(request, text, (error, parsed) => {
      outcome = { error, parsed };
    });
    if (outcome.error) {
      done(outcome.error, undefined);
      return;
    }
    assertCleanJson(outcome.parsed);
    done(null, outcome.parsed);
  });
  app.useBodyParser<RawServerDefault>('application/x-www-form-urlencoded', { bodyLimit }, (_request, body, done) => {
    done(null, parseFormBody(body));
  });
}

/** onRequest: a path or query with NUL, a bad escape or non-UTF-8 bytes → 400 before routing. */
export function registerUrlCheck(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      try {
        assertCleanUrl(request.url);
      } catch (error) {
        done(error as Error);
        return;
      }
      done();
    });
}
