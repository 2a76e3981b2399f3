import { currentRequestContext } from '../context/request-context';

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

/** The current request's audit store (common/context/request-context.ts), if any. */
export function currentAudit(): AuditStore | undefined {
  return currentRequestContext()?.audit;
}

/** Services call this after a mutation; a no-op outside a request (seeders, CLI). */
export function recordChange(change: AuditChange): void {
  currentAudit()?.changes.push(change);
}

/** Names the action explicitly when the route alone does not say it (e.g. `auth.login_failed`). */
export function setAuditAction(action: string): void {
  const store = currentAudit();
  if (store) store.action = action;
}
