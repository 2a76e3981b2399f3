import 'reflect-metadata';
import { type ExecutionContext, HttpException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import request from 'supertest';
import { ROLES, type Role } from '../src/common/role';
import { RolesGuard } from '../src/auth/roles.guard';
import { enumerateRoutes, type RouteInfo } from './utils/routes';
import { createTestApp, type TestApp } from './utils/test-app';

/** The only public routes API.md allows (§1, §2, §8). Adding one here is a security decision. */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/token',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/register',
  'GET /health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'GET /metrics',
]);
describe('Route permissions: deny by default (e2e)', () => {
  let t: TestApp;
  let routes: RouteInfo[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = enumerateRoutes(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes of every module (sanity check of the enumeration)', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(expect.arrayContaining(['POST /api/auth/token', 'GET /api/auth/users', 'GET /api/events', 'GET /health']));
  });

  it('every non-public route has a @Roles rule naming known roles', () => {
    const missing = routes.filter((r) => !r.isPublic && (!r.roles || r.roles.length === 0)).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(missing).toEqual([]);
    const unknown = routes.filter((r) => r.roles?.some((role) => !ROLES.includes(role))).map((r) => r.handler);
    expect(unknown).toEqual([]);
  });

  it('only the routes API.md lists are public', () => {
    const extra = routes.filter((r) => r.isPublic && !PUBLIC_ROUTES.has(`${r.method} ${r.path}`)).map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(extra).toEqual([]);
  });

  it('users and events routes are admin-only', () => {
    const wrong = routes
      .filter((r) => r.path.startsWith('/api/events') || r.path.startsWith('/api/auth/users'))
      .filter((r) => JSON.stringify(r.roles) !== JSON.stringify(['admin']))
      .map((r) => `${r.method} ${r.path}`);
    expect(wrong).toEqual([]);
  });

  it('every non-public route answers 401 without a token', async () => {
    const open: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const path = r.path.replace(/:[A-Za-z_]+/g, '1');
      const res = await request(t.baseUrl)[r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
      if (res.status !== 401 || !/^Bearer/.test(String(res.headers['www-authenticate']))) open.push(`${r.method} ${path} → ${res.status}`);
    }
    expect(open).toEqual([]);
  });
});

describe('RolesGuard', () => {
  const contextFor = (handler: object, cls: object, user?: { role: Role }): ExecutionContext =>
    ({
      getType: () => 'http',
      getHandler: () => handler,
      getClass: () => cls,
      switchToHttp: () => ({ getRequest: () => ({ user }) }),
    }) as unknown as ExecutionContext;

  it('refuses a route without a rule, even to an admin', () => {
    class NoRule {
      handler(): void {}
    }
    const guard = new RolesGuard(new Reflector());
    let error: unknown;
    try {
      guard.canActivate(contextFor(NoRule.prototype.handler, NoRule, { role: 'admin' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(403);
  });
});
