/**
 * The message catalogues: every text a person reads (problem+json titles and details, field messages,
 * upload row errors, training and prediction messages) lives in `src/i18n/{id,en}/*.json`, never in
 * code. The JSON files are imported, so `tsc` copies them into `dist/` with the build.
 *
 * Namespaces: `errors` (keyed by error code), `titles` (keyed by HTTP status), `validation` (keyed by
 * class-validator constraint name, or `<field>.<constraint>` for a field's own wording) and `messages`
 * (every other text). Templates take `{name}` parameters; validation templates take `{field}` and the
 * constraint's arguments as `{0}`, `{1}`.
 */
import enErrors from './en/errors.json';
import enMessages from './en/messages.json';
import enTitles from './en/titles.json';
import enValidation from './en/validation.json';
import idErrors from './id/errors.json';
import idMessages from './id/messages.json';
import idTitles from './id/titles.json';
import idValidation from './id/validation.json';

export const LANGUAGES = ['id', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** Bahasa Indonesia unless the request asks for English (issue #12). */
export const DEFAULT_LANG: Lang = 'id';

/** English is the reference catalogue: a code or key exists when it has an English text. */
export type ErrorCode = keyof typeof enErrors;
export type MessageKey = keyof typeof enMessages;
export type ValidationKey = keyof typeof enValidation;

export type Namespace = 'errors' | 'titles' | 'validation' | 'messages';
type Catalogue = Record<Namespace, Readonly<Record<string, string>>>;

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = {
  id: { errors: idErrors, titles: idTitles, validation: idValidation, messages: idMessages },
  en: { errors: enErrors, titles: enTitles, validation: enValidation, messages: enMessages },
};

/** A text to be rendered later, in the language of whoever reads it. */
export interface Message {
  ns: Namespace;
  key: string;
  params?: MessageParams;
  /** Shown when no catalogue has the key (a library's own text); never the normal path. */
  fallback?: string;
}

export type ParamValue = string | number | boolean | null | undefined | Message | ReadonlyArray<string | number>;
export type MessageParams = Readonly<Record<string, ParamValue>>;

/** A text of the `messages` namespace, e.g. `msg('UPLOAD_DONE', { rows: 3 })`. */
export function msg(key: MessageKey, params?: MessageParams): Message {
  return { ns: 'messages', key, params };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'ns' in value && 'key' in value && !Array.isArray(value);
}

export function hasText(ns: Namespace, key: string, lang: Lang = 'en'): boolean {
  return Object.prototype.hasOwnProperty.call(CATALOGUES[lang][ns], key);
}

function template(lang: Lang, ns: Namespace, key: string): string | undefined {
  const own = CATALOGUES[lang][ns];
  if (Object.prototype.hasOwnProperty.call(own, key)) return own[key];
  // A text missing in one language falls back to English (the catalogue test fails on it first).
  const en = CATALOGUES.en[ns];
  return Object.prototype.hasOwnProperty.call(en, key) ? en[key] : undefined;
}

function paramText(lang: Lang, value: ParamValue): string {
  if (value === null || value === undefined) return '';
  if (isMessage(value)) return render(lang, value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The placeholders of a template, e.g. `["field", "0"]`; the catalogue test compares them across languages. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))].sort();
}

/** A template split at its placeholders: text at even indexes, placeholder names at odd ones. */
const compiled = new Map<string, readonly string[]>();

function partsOf(text: string): readonly string[] {
  let parts = compiled.get(text);
  if (!parts) {
    // split with a capturing group keeps the names: "a {x} b" → ["a ", "x", " b"].
    parts = text.split(/\{([A-Za-z0-9_]+)\}/);
    // Catalogue texts are few; a text built at run time (a fallback) must not grow the cache for ever.
    if (compiled.size < 5000) compiled.set(text, parts);
  }
  return parts;
}

/**
 * Fills `{name}` from params (a Message parameter is rendered in the same language); unknown names stay
 * as written. Each template is split once: a regular-expression replace per text was 2 % of a prediction.
 */
export function interpolate(lang: Lang, text: string, params: MessageParams = {}): string {
  const parts = partsOf(text);
  if (parts.length === 1) return text;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.prototype.hasOwnProperty.call(params, name) ? paramText(lang, params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** Never throws: a key no catalogue has renders its fallback, else the key itself. */
export function render(lang: Lang, message: Message): string {
  const text = template(lang, message.ns, message.key) ?? message.fallback ?? message.key;
  return interpolate(lang, text, message.params);
}

export function translate(lang: Lang, ns: Namespace, key: string, params?: MessageParams, fallback?: string): string {
  return render(lang, { ns, key, params, fallback });
}
