import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentAudit, recordChange, setAuditAction } from '../common/audit/audit-context';
import { DomainException } from '../common/http/problem';
import { msg } from '../i18n/catalogue';
import { AUTH_ERRORS } from './auth.errors';
import type { AuthUser } from '../common/role';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AccessTokenResponseDto, TokenResponseDto } from './dto/user-response.dto';
import type { ChangePasswordDto, UpdateProfileDto } from './dto/user-input.dto';
import { LOGIN_THROTTLE, type LoginThrottle } from './login-throttle';
import { assertPasswordAllowed } from './password-policy';
import { PasswordService } from './password.service';
import { type ClientInfo, SessionService } from './session.service';
import { TokenService } from './token.service';
import { toUserAudit, toUserResponse } from './user.mapper';
import { User } from './user.entity';
import { mergeProfile, UsersService } from './users.service';

export class LoginThrottledException extends DomainException {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, AUTH_ERRORS.LOGIN_THROTTLED, { seconds: retryAfterSeconds }, {
      retry_after: retryAfterSeconds,
    });
  }
}

/** Login, token refresh, logout and the caller's own account. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly tokens: TokenService,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get accessTtlSeconds(): number {
    return this.config.auth.accessTtlMinutes * 60;
  }

  /**
   * Records the login time to the minute, outside the session transaction: many logins of one account
   * (a shared staff-room login, a load test) would otherwise queue on that user's row lock.
   */
  private async touchLastLogin(userId: number, previous: Date | null): Promise<Date> {
    const rows = (await this.dataSource.query(
      `UPDATE users SET last_login_at = now()
        WHERE id = $1 AND (last_login_at IS NULL OR last_login_at < now() - interval '1 minute')
        RETURNING last_login_at`,
      [userId],
    )) as [Array<{ last_login_at: Date }>, number] | Array<{ last_login_at: Date }>;
    const updated = Array.isArray(rows[0]) ? rows[0] : (rows as Array<{ last_login_at: Date }>);
    return updated[0]?.last_login_at ?? previous ?? new Date();
  }

  async login(username: string, password: string, client: ClientInfo): Promise<TokenResponseDto> {
    const ip = client.ip ?? 'unknown';
    const audit = currentAudit();
    if (audit) audit.username = username.slice(0, 100);
    const throttle = await this.throttle.check(username, ip);
    if (throttle.retryAfter !== undefined) {
      setAuditAction('auth.login_throttled');
      throw new LoginThrottledException(throttle.retryAfter);
    }
    const user = await this.users.findByUsername(username);
    const check = user ? await this.passwords.check(user.passwordHash, password) : undefined;
    if (!user) await this.passwords.checkDummy(password);
    if (!user || !check?.ok) {
      await this.throttle.recordFailure(username, ip);
      setAuditAction('auth.login_failed');
      // One answer for unknown user and wrong password, so it tells an attacker nothing.
      throw new DomainException(HttpStatus.UNAUTHORIZED, AUTH_ERRORS.INVALID_CREDENTIALS);
    }
    if (audit) Object.assign(audit, { userId: user.id, username: user.username, role: user.role });
    if (!user.isActive) {
      setAuditAction('auth.login_inactive');
      throw new DomainException(HttpStatus.FORBIDDEN, AUTH_ERRORS.USER_INACTIVE);
    }
    await this.throttle.recordSuccess(username, ip, throttle);
    const newHash = check.needsRehash ? await this.passwords.hash(password) : undefined;
    const { sessionId, refreshToken } = await this.dataSource.transaction(async (manager) => {
      // Legacy bcrypt hashes are upgraded the first time we see the password they protect.
      if (newHash) await manager.update(User, { id: user.id }, { passwordHash: newHash });
      return this.sessions.create(manager, user.id, client);
    });
    user.lastLoginAt = await this.touchLastLogin(user.id, user.lastLoginAt);
    return {
      ...this.tokens.issueAccess(user, sessionId, this.accessTtlSeconds),
      refresh_token: refreshToken,
      user: toUserResponse(user),
    };
  }

  /** With a refresh token: rotate it. Without: the bearer access token's session gets a new access token. */
  async refresh(refreshToken: string | undefined, caller: AuthUser | undefined): Promise<AccessTokenResponseDto> {
    if (refreshToken) {
      const rotated = await this.sessions.rotate(refreshToken);
      this.attribute(rotated.user);
      return { ...this.tokens.issueAccess(rotated.user, rotated.sessionId, this.accessTtlSeconds), refresh_token: rotated.refreshToken };
    }
    if (!caller) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, AUTH_ERRORS.UNAUTHENTICATED, { reason: msg('TOKEN_OR_REFRESH_REQUIRED') });
    }
    const user = await this.sessions.touch(caller.sessionId);
    return this.tokens.issueAccess(user, caller.sessionId, this.accessTtlSeconds);
  }

  async logout(caller: AuthUser): Promise<void> {
    await this.sessions.revokeSession(caller.sessionId, 'logout');
  }

  async me(caller: AuthUser): Promise<User> {
    const user = await this.users.findByIdOrFail(caller.id);
    return user;
  }

  async updateProfile(caller: AuthUser, dto: UpdateProfileDto): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOneOrFail({ where: { id: caller.id }, lock: { mode: 'pessimistic_write' } });
      const before = toUserAudit(user);
      if (dto.email !== undefined && dto.email.toLowerCase() !== user.email.toLowerCase()) {
        const clash = await repo.createQueryBuilder('u').where('lower(u.email) = lower(:email) AND u.id <> :id', { email: dto.email, id: user.id }).getOne();
        if (clash) throw new DomainException(HttpStatus.CONFLICT, AUTH_ERRORS.USER_DUPLICATE, { field: 'email' });
        user.email = dto.email;
      }
      if (dto.profile) user.profile = mergeProfile(user.profile, dto.profile);
      const saved = await repo.save(user);
      recordChange({ entity_type: 'user', entity_id: user.id, before, after: toUserAudit(saved) });
      return saved;
    });
  }

  /** Changes the caller's password and ends their other sessions (the current one stays usable). */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.findByIdOrFail(caller.id);
    const check = await this.passwords.check(user.passwordHash, dto.current_password);
    if (!check.ok) {
      throw new DomainException(HttpStatus.BAD_REQUEST, AUTH_ERRORS.INVALID_CURRENT_PASSWORD, {}, {
        errors: [{ field: 'current_password', message: msg('CURRENT_PASSWORD_WRONG') }],
      });
    }
    assertPasswordAllowed(dto.new_password, user.username, 'new_password');
    const hash = await this.passwords.hash(dto.new_password);
    const revoked = await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash: hash });
      recordChange({ entity_type: 'user', entity_id: user.id, before: { password: dto.current_password }, after: { password: dto.new_password } });
      return this.sessions.revokeUserSessions(manager, user.id, 'password_changed', caller.sessionId);
    });
    this.sessions.afterCommit(revoked);
  }

  private attribute(user: User): void {
    const audit = currentAudit();
    if (audit) Object.assign(audit, { userId: user.id, username: user.username, role: user.role });
  }
}
