import { AsyncLocalStorage } from 'node:async_hooks';

/** One change a request made, for the event log's `changes` (before/after; secrets redacted by the writer). */
export interface AuditChange {
  entity_type: string;
  entity_id?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditStore {
  /** Overrides the action derived from the route, e.g. `auth.login_failed`. */
  action?: string;
  changes: AuditChange[];
  /** Set by the auth layer when the caller is known only after the guard (e.g. a login). */
  userId?: number;
  username?: string;
  role?: string;
}

const storage = new AsyncLocalStorage<AuditStore>();

/** Runs a request's handling inside its own audit store (called by the events middleware). */
export function runWithAudit<T>(fn: () => T): T {
  return storage.run({ changes: [] }, fn);
}

/** The current request's audit store, if any. */
export function currentAudit(): AuditStore | undefined {
  return storage.getStore();
}

/** Services call this after a mutation; a no-op outside a request (seeders, CLI). */
export function recordChange(change: AuditChange): void {
  storage.getStore()?.changes.push(change);
}

/** Names the action explicitly when the route alone does not say it (e.g. `auth.login_failed`). */
export function setAuditAction(action: string): void {
  const store = storage.getStore();
  if (store) store.action = action;
}
