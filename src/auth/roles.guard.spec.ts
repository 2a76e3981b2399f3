import { type ExecutionContext, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from '../common/decorators/public.decorator';
import { Roles } from '../common/decorators/roles.decorator';
import type { Role } from '../common/role';
import { RolesGuard } from './roles.guard';

class Sample {
  @Roles('admin', 'staf') write(): void {}
  @Public() open(): void {}
  forgotten(): void {}
}

const ctx = (handler: keyof Sample, role?: Role): ExecutionContext =>
  ({
    getType: () => 'http',
    getHandler: () => Sample.prototype[handler],
    getClass: () => Sample,
    switchToHttp: () => ({ getRequest: () => ({ user: role ? { id: 1, username: 'u', role, sessionId: 's' } : undefined }) }),
  }) as unknown as ExecutionContext;

function statusOf(fn: () => unknown): number | 'allowed' {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return e instanceof HttpException ? e.getStatus() : -1;
  }
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('allows the listed roles and refuses the others with 403', () => {
    expect(statusOf(() => guard.canActivate(ctx('write', 'admin')))).toBe('allowed');
    expect(statusOf(() => guard.canActivate(ctx('write', 'staf')))).toBe('allowed');
    expect(statusOf(() => guard.canActivate(ctx('write', 'guru')))).toBe(403);
  });

  it('refuses a route without a rule to every role (fails closed)', () => {
    for (const role of ['admin', 'guru', 'staf'] as const) expect(statusOf(() => guard.canActivate(ctx('forgotten', role)))).toBe(403);
  });

  it('lets public routes through', () => {
    expect(statusOf(() => guard.canActivate(ctx('open')))).toBe('allowed');
  });
});
