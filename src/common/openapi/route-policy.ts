import { applyDecorators, Delete, Get, Post, Put } from '@nestjs/common';
import type { Role } from '../role';
import { ApiEndpoint, type ResponseShape } from './api-endpoint.decorator';

type MethodFactory = (path?: string) => MethodDecorator;

/**
 * Route decorators for a controller whose routes follow one rule for who may call them (API.md §9),
 * e.g. "every role reads; admins write": `const route = routePolicy({ read: ALL_ROLES, write: ADMIN_ONLY })`,
 * then `@route.put(':id', 'Update a rombel (partial)', RombelResponseDto, [400, 404, 409, 422])`.
 * Each is the Nest method decorator and the route's ApiEndpoint in one, so a route cannot name a
 * role list of its own by mistake. `post` reports an outcome (200), `create` makes a resource (201),
 * `delete` answers 204 without a body.
 */
export function routePolicy(roles: { read: Role[]; write: Role[] }) {
  const route =
    (method: MethodFactory, allowed: Role[], status?: number) =>
    (path: string, summary: string, response: ResponseShape, errors: number[] = []): MethodDecorator =>
      applyDecorators(method(path), ApiEndpoint({ summary, response, roles: allowed, errors, ...(status ? { status } : {}) }));
  return {
    get: route(Get, roles.read),
    post: route(Post, roles.write),
    create: route(Post, roles.write, 201),
    put: route(Put, roles.write),
    delete: (path: string, summary: string, errors: number[]): MethodDecorator => route(Delete, roles.write, 204)(path, summary, 'none', errors),
  };
}
