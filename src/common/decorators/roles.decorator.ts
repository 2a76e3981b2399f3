import { SetMetadata } from '@nestjs/common';
import type { Role } from '../role';

export const ROLES_KEY = 'roles';

/**
 * The roles allowed on a route (API.md §9). Every non-public route must have a rule: the roles guard
 * refuses routes without one, and a test walks every route to check.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
