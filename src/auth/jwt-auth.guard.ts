import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { currentAudit } from '../common/audit/audit-context';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { DomainException } from '../common/http/problem';
import { type Message, msg } from '../i18n/catalogue';
import { AUTH_ERRORS } from './auth.errors';
import type { AuthUser } from '../common/role';
import { SessionRevocationService } from './session-revocation.service';
import { TokenService } from './token.service';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

const unauthenticated = (reason: Message): DomainException => new DomainException(HttpStatus.UNAUTHORIZED, AUTH_ERRORS.UNAUTHENTICATED, { reason });

/**
 * Deny by default: every route needs a valid access token of a live session unless it is `@Public()`.
 * On public routes a valid token is still read (optional authentication), so e.g. an admin can use
 * `/auth/register` and the bearer form of `/auth/refresh` works.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      if (isPublic) return true;
      throw unauthenticated(msg('TOKEN_MISSING'));
    }
    const user = this.tokens.verifyAccess(token);
    const live = user ? await this.revocations.isActive(user.sessionId) : false;
    if (!user || !live) {
      if (isPublic) return true;
      throw unauthenticated(msg(user ? 'TOKEN_SESSION_ENDED' : 'TOKEN_INVALID'));
    }
    request.user = user;
    const audit = currentAudit();
    if (audit) Object.assign(audit, { userId: user.id, username: user.username, role: user.role });
    return true;
  }
}
