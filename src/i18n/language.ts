import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import { DEFAULT_LANG, type Lang, LANGUAGES, type Message, render } from './catalogue';

/**
 * The language rule (issue #12): Bahasa Indonesia unless `Accept-Language` prefers English. q-values
 * count (`id;q=0.5, en` → en), regional tags match their language (`en-US` → en), and a header with
 * neither language, `*` or none at all → id.
 */
export function negotiateLanguage(acceptLanguage: string | string[] | undefined): Lang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return DEFAULT_LANG;
  const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES]);
  return (best as Lang | undefined) ?? DEFAULT_LANG;
}

const storage = new AsyncLocalStorage<Lang>();

/** The current request's language; the default outside a request (start-up, CLI, background work). */
export function currentLanguage(): Lang {
  return storage.getStore() ?? DEFAULT_LANG;
}

/** A message in the current request's language (success messages, explanations). */
export function t(message: Message): string {
  return render(currentLanguage(), message);
}

/**
 * First onRequest hook: negotiates the request's language once and keeps it for everything that
 * runs for the request (Fastify keeps the async context through its hooks and the handler).
 */
export function registerLanguageHook(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    storage.run(negotiateLanguage(request.headers['accept-language']), done);
  });
  // Answers differ by Accept-Language, so a cache between the client and the API must key on it.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    const vary = reply.getHeader('vary');
    const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
    if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(current)) void reply.header('Vary', current ? `${current}, Accept-Language` : 'Accept-Language');
    done(null, payload);
  });
}
