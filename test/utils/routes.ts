import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '../../src/common/decorators/public.decorator';
import { ROLES_KEY } from '../../src/common/decorators/roles.decorator';
import type { Role } from '../../src/common/role';
import type { TestApp } from './test-app';

export interface RouteInfo {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  /** `Controller.method`, for messages. */
  handler: string;
  /** The handler takes an @Body() parameter (of any kind, @ValidBody included). */
  takesBody: boolean;
}

/** Outside the /api prefix (app.setup.ts excludes exactly these paths). */
const UNPREFIXED = new Set(['/health', '/metrics']);

const join = (...parts: string[]): string => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;

/** Every controller route Nest registers, with its permission metadata and whether it reads a body. */
export function enumerateRoutes(t: TestApp): RouteInfo[] {
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name] as object;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC_KEY, handler) ?? Reflect.getMetadata(IS_PUBLIC_KEY, type));
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, type)) as Role[] | undefined;
        // Route arguments are keyed `${RouteParamtypes}:${index}` on the class that declares the method.
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, unknown>;
        const takesBody = Object.keys(args).some((key) => Number(key.split(':')[0]) === RouteParamtypes.BODY);
        for (const s of Array.isArray(sub) ? sub : [sub]) {
          const raw = join(base, s);
          const path = UNPREFIXED.has(raw) ? raw : join('api', raw);
          routes.push({ method, path, isPublic, roles, handler: `${type.name}.${name}`, takesBody });
        }
      }
    }
  }
  return routes;
}
