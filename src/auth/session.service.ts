import { randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainException } from '../common/http/problem';
import { AUTH_ERRORS } from './auth.errors';
import { RefreshToken, UserSession } from './session.entity';
import { SessionRevocationService } from './session-revocation.service';
import { TokenService } from './token.service';
import { User } from './user.entity';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

const invalidRefresh = (): DomainException =>
  new DomainException(HttpStatus.UNAUTHORIZED, AUTH_ERRORS.INVALID_REFRESH_TOKEN);

/** Sessions and their rotating refresh tokens. Every revocation is announced to all processes. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private expiry(): Date {
    return new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
  }

  async create(manager: EntityManager, userId: number, client: ClientInfo): Promise<{ sessionId: string; refreshToken: string }> {
    const sessionId = randomUUID();
    const now = new Date();
    await manager.insert(UserSession, {
      id: sessionId,
      userId,
      expiresAt: this.expiry(),
      lastUsedAt: now,
      ip: client.ip?.slice(0, 64) ?? null,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
    });
    const refresh = this.tokens.newRefreshToken();
    await manager.insert(RefreshToken, { sessionId, tokenHash: refresh.hash });
    return { sessionId, refreshToken: refresh.token };
  }

  /**
   * Trades a refresh token for a new one. A token that was already rotated means it leaked (or was
   * replayed): the whole session is revoked, so neither the thief nor the owner can go on with it.
   */
  async rotate(refreshToken: string): Promise<{ user: User; sessionId: string; refreshToken: string }> {
    const hash = TokenService.hashRefresh(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const stored = await manager.findOne(RefreshToken, { where: { tokenHash: hash }, lock: { mode: 'pessimistic_write' } });
      if (!stored) return { error: invalidRefresh() };
      const session = await manager.findOne(UserSession, { where: { id: stored.sessionId } });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) return { error: invalidRefresh() };
      if (stored.rotatedAt) {
        await this.revokeWhere(manager, { id: session.id }, 'refresh_reuse');
        return { error: invalidRefresh(), revoked: [session.id] };
      }
      const user = await manager.findOne(User, { where: { id: session.userId } });
      if (!user || !user.isActive) return { error: invalidRefresh() };
      await manager.update(RefreshToken, { id: stored.id }, { rotatedAt: new Date() });
      const next = this.tokens.newRefreshToken();
      await manager.insert(RefreshToken, { sessionId: session.id, tokenHash: next.hash });
      await manager.update(UserSession, { id: session.id }, { lastUsedAt: new Date(), expiresAt: this.expiry() });
      return { user, sessionId: session.id, refreshToken: next.token };
    });
    if ('error' in outcome) {
      if (outcome.revoked) this.revocations.markRevoked(outcome.revoked);
      throw outcome.error;
    }
    return outcome;
  }

  /** The bearer-token refresh of the web client: the session must still be live; its expiry slides. */
  async touch(sessionId: string): Promise<User> {
    const session = await this.dataSource.getRepository(UserSession).findOne({ where: { id: sessionId, revokedAt: IsNull() } });
    const user = session ? await this.dataSource.getRepository(User).findOne({ where: { id: session.userId } }) : null;
    if (!session || session.expiresAt <= new Date() || !user || !user.isActive) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, AUTH_ERRORS.SESSION_ENDED);
    }
    await this.dataSource.getRepository(UserSession).update({ id: sessionId }, { lastUsedAt: new Date(), expiresAt: this.expiry() });
    return user;
  }

  async revokeSession(sessionId: string, reason: string): Promise<void> {
    const ids = await this.dataSource.transaction((manager) => this.revokeWhere(manager, { id: sessionId }, reason));
    this.revocations.markRevoked([sessionId, ...ids]);
  }

  /**
   * Revokes every live session of a user (optionally but one), inside the caller's transaction. The
   * caller must pass the returned ids to `afterCommit` once the transaction has committed.
   */
  async revokeUserSessions(manager: EntityManager, userId: number, reason: string, exceptSessionId?: string): Promise<string[]> {
    return this.revokeWhere(manager, { userId }, reason, exceptSessionId);
  }

  /** Sessions of a user about to be deleted: their rows will cascade away, so announce them now. */
  async announceUserDeletion(manager: EntityManager, userId: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM user_session WHERE user_id = $1', [userId]);
    const ids = rows.map((r) => r.id);
    await this.revocations.announce(manager, ids);
    return ids;
  }

  afterCommit(sessionIds: string[]): void {
    this.revocations.markRevoked(sessionIds);
  }

  private async revokeWhere(manager: EntityManager, where: { id?: string; userId?: number }, reason: string, keep?: string): Promise<string[]> {
    const params: unknown[] = [reason];
    let condition: string;
    if (where.id) {
      params.push(where.id);
      condition = 'id = $2';
    } else {
      params.push(where.userId);
      condition = 'user_id = $2';
    }
    if (keep) {
      params.push(keep);
      condition += ' AND id <> $3';
    }
    // TypeORM answers an UPDATE … RETURNING on PostgreSQL as [rows, rowCount].
    const [updated]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $1 WHERE ${condition} AND revoked_at IS NULL RETURNING id`,
      params,
    );
    const ids = updated.map((r) => r.id);
    await this.revocations.announce(manager, ids);
    return ids;
  }
}
