import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recordChange } from '../common/audit/audit-context';
import { DomainException } from '../common/http/problem';
import { type Message, msg } from '../i18n/catalogue';
import { AUTH_ERRORS } from './auth.errors';
import type { AuthUser, Role } from '../common/role';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ListUsersQueryDto } from './dto/list-users-query.dto';
import type { ProfileInputDto, RegisterDto, UpdateUserDto } from './dto/user-input.dto';
import { assertPasswordAllowed } from './password-policy';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { toUserAudit } from './user.mapper';
import { User, type UserProfile } from './user.entity';
import { normalizeUsername } from './username';

export interface NewUser {
  username: string;
  email: string;
  password: string;
  role: Role;
  profile?: ProfileInputDto;
  isActive: boolean;
}

/** Drops undefined keys so a partial profile update merges instead of erasing. */
export function mergeProfile(stored: UserProfile, patch: ProfileInputDto | undefined): UserProfile {
  const merged: UserProfile = { ...stored };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value !== undefined) merged[key as keyof UserProfile] = value as string;
  }
  return merged;
}

/** Accounts: creation, registration and the admin's user management with its last-admin rules. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async findByIdOrFail(id: number): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id } });
    if (!user) throw new DomainException(HttpStatus.NOT_FOUND, AUTH_ERRORS.USER_NOT_FOUND, { id });
    return user;
  }

  findByUsername(username: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    return manager.getRepository(User).findOne({ where: { usernameNormalized: normalizeUsername(username) } });
  }

  /**
   * `POST /auth/register`. An admin may create any role; anyone else only when self-registration is
   * configured, and then only a guru/staf account that stays inactive until an admin activates it.
   */
  async register(dto: RegisterDto, caller: AuthUser | undefined): Promise<User> {
    if (caller?.role === 'admin') {
      return this.create({ ...dto, isActive: true });
    }
    if (!this.config.auth.selfRegistration) {
      if (caller) throw new DomainException(HttpStatus.FORBIDDEN, AUTH_ERRORS.ROLE_FORBIDDEN, { reason: msg('ONLY_ADMIN_REGISTERS') });
      throw new DomainException(HttpStatus.UNAUTHORIZED, AUTH_ERRORS.UNAUTHENTICATED, { reason: msg('SELF_REGISTRATION_DISABLED') });
    }
    if (dto.role === 'admin') {
      throw new DomainException(HttpStatus.FORBIDDEN, AUTH_ERRORS.ROLE_FORBIDDEN, { reason: msg('SELF_REGISTRATION_ROLES') });
    }
    return this.create({ ...dto, isActive: false });
  }

  async create(input: NewUser, manager: EntityManager = this.dataSource.manager): Promise<User> {
    assertPasswordAllowed(input.password, input.username);
    await this.assertUnique(manager, input.username, input.email);
    const repo = manager.getRepository(User);
    const user = await repo.save(
      repo.create({
        username: input.username,
        usernameNormalized: normalizeUsername(input.username),
        email: input.email,
        passwordHash: await this.passwords.hash(input.password),
        role: input.role,
        profile: mergeProfile({}, input.profile),
        isActive: input.isActive,
        lastLoginAt: null,
      }),
    );
    recordChange({ entity_type: 'user', entity_id: user.id, before: null, after: { ...toUserAudit(user), password: input.password } });
    return user;
  }

  async list(query: ListUsersQueryDto): Promise<{ items: User[]; total: number }> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (query.search) {
      qb.andWhere("(u.username ILIKE :s OR u.email ILIKE :s OR u.profile->>'nama_lengkap' ILIKE :s)", {
        s: `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.is_active !== undefined) qb.andWhere('u.is_active = :active', { active: query.is_active });
    const [items, total] = await qb.orderBy('u.id', 'ASC').skip(query.skip).take(query.limit).getManyAndCount();
    return { items, total };
  }

  async update(id: number, dto: UpdateUserDto): Promise<User> {
    const revoked: string[] = [];
    const user = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(User);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainException(HttpStatus.NOT_FOUND, AUTH_ERRORS.USER_NOT_FOUND, { id });
      const before = toUserAudit(user);
      const losesAdmin = user.role === 'admin' && user.isActive && ((dto.role !== undefined && dto.role !== 'admin') || dto.is_active === false);
      if (losesAdmin) await this.assertAnotherActiveAdmin(manager, id, msg('ADMIN_ACTION_DEMOTE'));
      // An account left without a normalized name by the migration gets one on its next update (or a 409 to rename it).
      const username = dto.username ?? (user.usernameNormalized === null ? user.username : undefined);
      if (username !== undefined || dto.email !== undefined) {
        await this.assertUnique(manager, username, dto.email, id);
      }
      const passwordChanged = typeof dto.password === 'string' && dto.password !== '';
      if (passwordChanged) assertPasswordAllowed(dto.password as string, username ?? user.username);
      const endsSessions =
        passwordChanged || (dto.role !== undefined && dto.role !== user.role) || (dto.is_active === false && user.isActive);
      if (username !== undefined) {
        user.username = username;
        user.usernameNormalized = normalizeUsername(username);
      }
      if (dto.email !== undefined) user.email = dto.email;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.is_active !== undefined) user.isActive = dto.is_active;
      if (dto.profile) user.profile = mergeProfile(user.profile, dto.profile);
      if (passwordChanged) user.passwordHash = await this.passwords.hash(dto.password as string);
      const saved = await repo.save(user);
      // A changed role or password, or a deactivation, must not leave old tokens working.
      if (endsSessions) revoked.push(...(await this.sessions.revokeUserSessions(manager, id, 'user_changed')));
      recordChange({
        entity_type: 'user',
        entity_id: id,
        before,
        after: { ...toUserAudit(saved), ...(passwordChanged ? { password: dto.password } : {}) },
      });
      return saved;
    });
    this.sessions.afterCommit(revoked);
    return user;
  }

  async remove(id: number, caller: AuthUser): Promise<void> {
    if (id === caller.id) {
      throw new DomainException(HttpStatus.BAD_REQUEST, AUTH_ERRORS.CANNOT_DELETE_SELF);
    }
    const revoked = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainException(HttpStatus.NOT_FOUND, AUTH_ERRORS.USER_NOT_FOUND, { id });
      if (user.role === 'admin' && user.isActive) await this.assertAnotherActiveAdmin(manager, id, msg('ADMIN_ACTION_DELETE'));
      const ids = await this.sessions.announceUserDeletion(manager, id);
      await manager.delete(User, { id });
      recordChange({ entity_type: 'user', entity_id: id, before: toUserAudit(user), after: null });
      return ids;
    });
    this.sessions.afterCommit(revoked);
  }

  /** Locks the active admins so two admins cannot demote each other at the same instant. */
  private async assertAnotherActiveAdmin(manager: EntityManager, exceptId: number, action: Message): Promise<void> {
    const rows: Array<{ id: number }> = await manager.query(
      `SELECT id FROM users WHERE role = 'admin' AND is_active ORDER BY id FOR UPDATE`,
    );
    if (!rows.some((r) => r.id !== exceptId)) {
      throw new DomainException(HttpStatus.CONFLICT, AUTH_ERRORS.LAST_ADMIN, { action });
    }
  }

  private async assertUnique(manager: EntityManager, username?: string, email?: string, exceptId?: number): Promise<void> {
    const qb = manager.getRepository(User).createQueryBuilder('u');
    const clauses: string[] = [];
    const normalized = username ? normalizeUsername(username) : undefined;
    if (normalized) clauses.push('u.username_normalized = :normalized');
    if (email) clauses.push('lower(u.email) = lower(:email)');
    if (clauses.length === 0) return;
    qb.where(`(${clauses.join(' OR ')})`, { normalized, email });
    if (exceptId !== undefined) qb.andWhere('u.id <> :exceptId', { exceptId });
    const clash = await qb.getOne();
    if (!clash) return;
    const field = normalized && clash.usernameNormalized === normalized ? 'username' : 'email';
    // The unique indexes still decide a race; this only gives the usual case a clear message.
    throw new DomainException(HttpStatus.CONFLICT, AUTH_ERRORS.USER_DUPLICATE, { field }, {
      errors: [{ field, message: msg('FIELD_TAKEN', { field }) }],
    });
  }
}
