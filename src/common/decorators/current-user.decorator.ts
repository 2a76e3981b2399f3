import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from '../role';

/** The authenticated user of the request (set by the JWT guard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  return request.user;
});
