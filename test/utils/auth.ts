import request from 'supertest';
import type { Role } from '../../src/common/role';
import { TEST_ADMIN, type TestApp } from './test-app';

const cache = new WeakMap<TestApp, Map<Role, string>>();

/** Authorization header for a bearer token. */
export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/** Logs in as the configured first admin. */
export async function adminToken(t: TestApp): Promise<string> {
  const res = await request(t.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(200);
  return res.body.access_token as string;
}

/**
 * An access token for a user of the given role on this app, creating an active `guru_test` /
 * `staf_test` user through the admin API the first time. Cached per app.
 */
export async function tokenFor(t: TestApp, role: Role): Promise<string> {
  let tokens = cache.get(t);
  if (!tokens) cache.set(t, (tokens = new Map()));
  const cached = tokens.get(role);
  if (cached) return cached;
  let token: string;
  if (role === 'admin') {
    token = await adminToken(t);
  } else {
    const admin = await tokenFor(t, 'admin');
    const username = `${role}_test`;
    const password = `${role}-password-1`;
    await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username, email: `${username}@school.test`, password, role })
      .expect(201);
    const res = await request(t.baseUrl).post('/api/auth/login').send({ username, password }).expect(200);
    token = res.body.access_token as string;
  }
  tokens.set(role, token);
  return token;
}
