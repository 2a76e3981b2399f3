import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditStore } from '../audit/audit-context';
import type { Lang } from '../../i18n/catalogue';

/**
 * What code deep in a request needs without being handed the request: its id (for log lines), its
 * language (messages) and its audit store (the event row's changes). One AsyncLocalStorage for all
 * three, entered once per request: every store that is active costs on every promise the request
 * creates (Node 20 propagates each store through async_hooks), and three stores — the logger's, the
 * language's and the audit's — were 5 % of an authenticated GET's CPU.
 */
export interface RequestContext {
  readonly requestId: string;
  readonly lang: Lang;
  readonly audit: AuditStore;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (the rest of a request's handling) inside the request's context. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context; undefined outside a request (start-up, CLI, background jobs). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
