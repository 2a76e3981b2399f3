import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { ROLES_KEY } from '../common/decorators/roles.decorator';
import { DomainException } from '../common/http/problem';
import { msg } from '../i18n/catalogue';
import { AUTH_ERRORS } from './auth.errors';
import type { Role } from '../common/role';
import type { AuthenticatedRequest } from './jwt-auth.guard';

/**
 * API.md §9. A non-public route without a `@Roles` rule is refused to everyone: forgetting the rule
 * must fail closed, and the route-permissions test catches it before it ships.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new DomainException(HttpStatus.FORBIDDEN, AUTH_ERRORS.NO_ROLE_RULE);
    }
    const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (!user || !roles.includes(user.role)) {
      throw new DomainException(HttpStatus.FORBIDDEN, AUTH_ERRORS.ROLE_FORBIDDEN, { reason: msg('ROLE_NOT_ALLOWED', { roles }) });
    }
    return true;
  }
}
