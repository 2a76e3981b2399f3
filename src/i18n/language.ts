import type { FastifyInstance } from 'fastify';
import Negotiator from 'negotiator';
import { currentRequestContext } from '../common/context/request-context';
import { DEFAULT_LANG, type Lang, LANGUAGES, type Message, render } from './catalogue';

/**
 * The language rule (issue #12): Bahasa Indonesia unless `Accept-Language` prefers English. q-values
 * count (`id;q=0.5, en` → en), regional tags match their language (`en-US` → en), and a header with
 * neither language, `*` or none at all → id.
 */
export function negotiateLanguage(acceptLanguage: string | string[] | undefined): Lang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return DEFAULT_LANG;
  let lang = negotiated.get(header);
  if (lang === undefined) {
    const [best] = new Negotiator({ headers: { 'accept-language': header } }).languages([...LANGUAGES]);
    lang = (best as Lang | undefined) ?? DEFAULT_LANG;
    // A client sends the same header on every request: remember a bounded number of them.
    if (negotiated.size >= NEGOTIATED_MAX) negotiated.clear();
    negotiated.set(header, lang);
  }
  return lang;
}

/** Accept-Language header → its language; a Negotiator per request was 1 % of a GET. */
const negotiated = new Map<string, Lang>();
const NEGOTIATED_MAX = 256;

/** The current request's language; the default outside a request (start-up, CLI, background work). */
export function currentLanguage(): Lang {
  return currentRequestContext()?.lang ?? DEFAULT_LANG;
}

/** A message in the current request's language (success messages, explanations). */
export function t(message: Message): string {
  return render(currentLanguage(), message);
}

/**
 * The request's language is negotiated once, when its context is entered
 * (common/context/request-context.hook.ts); this hook marks the answers as language-dependent.
 */
export function registerLanguageHook(fastify: FastifyInstance): void {
  // Answers differ by Accept-Language, so a cache between the client and the API must key on it.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    const vary = reply.getHeader('vary');
    const current = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
    if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(current)) void reply.header('Vary', current ? `${current}, Accept-Language` : 'Accept-Language');
    done(null, payload);
  });
}
