import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PgListener } from '../database/pg-listener';

export const REVOCATION_CHANNEL = 'edupro_session_revoked';
/** NOTIFY payloads are limited to 8000 bytes; uuids are 36 characters. */
const IDS_PER_NOTIFY = 150;
const MAX_KNOWN_VALID = 50_000;

/**
 * Knows, per process, which sessions are revoked, so the JWT guard needs no database round trip per
 * request. Revocations are announced with NOTIFY inside the revoking transaction (delivered on
 * commit) and received by every process on a dedicated LISTEN connection, typically within
 * milliseconds. A session seen for the first time is looked up once (this also refuses the sessions
 * of deleted users, whose rows are gone). If the LISTEN connection drops, notifications may have been
 * missed, so the cache forgets what it knew and reloads after reconnecting (PgListener reconnects).
 */
@Injectable()
export class SessionRevocationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly revoked = new Set<string>();
  private readonly knownValid = new Set<string>();
  private readonly listener: PgListener;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.listener = PgListener.onPrimary(config.database, {
      channel: REVOCATION_CHANNEL,
      applicationName: 'edupro-api-revocations',
      onNotification: (payload) => this.markRevoked(payload.split(',').filter(Boolean)),
      onSubscribed: () => this.reload(),
      // What we knew to be valid may be revoked while we are deaf.
      onLost: () => this.knownValid.clear(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  /** Whether the session may still be used. Usually answered from memory. */
  async isActive(sessionId: string): Promise<boolean> {
    if (this.revoked.has(sessionId)) return false;
    if (this.knownValid.has(sessionId)) return true;
    const rows: Array<{ ok: boolean }> = await this.dataSource.query(
      `SELECT (s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active) AS ok
         FROM user_session s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [sessionId],
    );
    const ok = rows[0]?.ok === true;
    // A NOTIFY may have arrived while we were asking: the revocation wins.
    if (this.revoked.has(sessionId)) return false;
    // While the listener is down we could miss a revocation, so nothing is remembered as valid.
    if (ok && this.listener.listening) {
      if (this.knownValid.size >= MAX_KNOWN_VALID) this.knownValid.clear();
      this.knownValid.add(sessionId);
    } else if (!ok) {
      this.revoked.add(sessionId);
    }
    return ok;
  }

  /** Marks sessions revoked in this process at once (the NOTIFY reaches the others). */
  markRevoked(sessionIds: Iterable<string>): void {
    for (const id of sessionIds) {
      this.revoked.add(id);
      this.knownValid.delete(id);
    }
  }

  /** Announces revocations to every process; call inside the revoking transaction so it fires on commit. */
  async announce(manager: EntityManager, sessionIds: string[]): Promise<void> {
    for (let i = 0; i < sessionIds.length; i += IDS_PER_NOTIFY) {
      const chunk = sessionIds.slice(i, i + IDS_PER_NOTIFY).join(',');
      await manager.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, chunk]);
    }
  }

  private async reload(): Promise<void> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM user_session WHERE revoked_at IS NOT NULL AND expires_at > now()`,
    );
    this.knownValid.clear();
    this.markRevoked(rows.map((r) => r.id));
  }
}
