import bcrypt from 'bcryptjs';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { eventsOf, queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/** Every user these tests create gets this password (the policy refuses one containing the username). */
const USER_PASSWORD = 'kapur-tulis-papan-9';

async function register(t: TestApp, admin: string, username: string, role = 'guru', extra: Record<string, unknown> = {}): Promise<{ id: number }> {
  const res = await request(t.baseUrl)
    .post('/api/auth/register')
    .set(bearer(admin))
    .send({ username, email: `${username}@school.test`, password: USER_PASSWORD, role, ...extra })
    .expect(201);
  return res.body;
}

describe('Users: management, last-admin rules, self-service (e2e)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await tokenFor(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('admin registers users; duplicates are 409 (case-insensitive); bad input 422', async () => {
    const user = await register(t, admin, 'Pak_Budi', 'guru', { profile: { nama_lengkap: 'Budi S.', nip: '1987' } });
    expect(user).toMatchObject({ username: 'Pak_Budi', role: 'guru', is_active: true, profile: { nama_lengkap: 'Budi S.' } });
    expect(user).not.toHaveProperty('password_hash');
    await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'pak_budi', email: 'other@school.test', password: 'password-123', role: 'guru' })
      .expect(409);
    const bad = await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'a b', email: 'x', password: 'short', role: 'root' })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password', 'role', 'username']);
  });

  it('GET /auth/users: bare array, X-Total-Count, filters; 400 on bad query', async () => {
    const res = await request(t.baseUrl).get('/api/auth/users?role=admin').set(bearer(admin)).expect(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.headers['x-total-count']).toBe('1');
    expect(res.body[0]).toMatchObject({ username: 'admin', role: 'admin' });
    const search = await request(t.baseUrl).get('/api/auth/users?search=budi').set(bearer(admin)).expect(200);
    expect(search.body.map((u: { username: string }) => u.username)).toEqual(['Pak_Budi']);
    await request(t.baseUrl).get('/api/auth/users?limit=10001').set(bearer(admin)).expect(400);
  });

  it('users endpoints are admin-only', async () => {
    for (const role of ['guru', 'staf'] as const) {
      const token = await tokenFor(t, role);
      await request(t.baseUrl).get('/api/auth/users').set(bearer(token)).expect(403);
      await request(t.baseUrl).put('/api/auth/users/1').set(bearer(token)).send({ role: 'admin' }).expect(403);
      await request(t.baseUrl).delete('/api/auth/users/1').set(bearer(token)).expect(403);
      await request(t.baseUrl)
        .post('/api/auth/register')
        .set(bearer(token))
        .send({ username: `by_${role}`, email: `by_${role}@school.test`, password: 'password-123', role: 'admin' })
        .expect(403);
    }
  });

  it('the last active admin cannot be demoted, deactivated or deleted; nobody deletes themself', async () => {
    const me = (await request(t.baseUrl).get('/api/auth/me').set(bearer(admin)).expect(200)).body;
    await request(t.baseUrl).delete(`/api/auth/users/${me.id}`).set(bearer(admin)).expect(400);
    await request(t.baseUrl).put(`/api/auth/users/${me.id}`).set(bearer(admin)).send({ role: 'guru' }).expect(409);
    await request(t.baseUrl).put(`/api/auth/users/${me.id}`).set(bearer(admin)).send({ is_active: false }).expect(409);

    const second = await register(t, admin, 'second_admin', 'admin');
    const secondToken = (await request(t.baseUrl).post('/api/auth/login').send({ username: 'second_admin', password: USER_PASSWORD }).expect(200)).body.access_token;
    // With two admins, one may demote the other; then the remaining one is the last again.
    await request(t.baseUrl).put(`/api/auth/users/${second.id}`).set(bearer(admin)).send({ role: 'staf' }).expect(200);
    await request(t.baseUrl).get('/api/auth/users').set(bearer(secondToken)).expect(401); // role change ended the session
    await request(t.baseUrl).put(`/api/auth/users/${me.id}`).set(bearer(admin)).send({ role: 'guru' }).expect(409);
    await request(t.baseUrl).delete(`/api/auth/users/${second.id}`).set(bearer(admin)).expect(204);
    await request(t.baseUrl).delete(`/api/auth/users/${second.id}`).set(bearer(admin)).expect(404);
  });

  it('PUT /auth/users/{id}: empty password leaves it unchanged; a new one works', async () => {
    const user = await register(t, admin, 'pw_user', 'staf');
    await request(t.baseUrl).put(`/api/auth/users/${user.id}`).set(bearer(admin)).send({ password: '', email: 'pw2@school.test' }).expect(200);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'pw_user', password: USER_PASSWORD }).expect(200);
    await request(t.baseUrl).put(`/api/auth/users/${user.id}`).set(bearer(admin)).send({ password: 'brand-new-pass' }).expect(200);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'pw_user', password: 'brand-new-pass' }).expect(200);
  });

  it('PUT /auth/me/profile merges the profile and ignores role and is_active', async () => {
    await register(t, admin, 'climber', 'guru', { profile: { nip: '123', jabatan: 'Guru' } });
    const token = (await request(t.baseUrl).post('/api/auth/login').send({ username: 'climber', password: USER_PASSWORD }).expect(200)).body.access_token;
    const res = await request(t.baseUrl)
      .put('/api/auth/me/profile')
      .set(bearer(token))
      .send({ role: 'admin', is_active: false, username: 'root', profile: { no_hp: '0812' } })
      .expect(200);
    expect(res.body).toMatchObject({ username: 'climber', role: 'guru', is_active: true, profile: { nip: '123', jabatan: 'Guru', no_hp: '0812' } });
    await request(t.baseUrl).get('/api/auth/users').set(bearer(token)).expect(403);
  });

  it('a legacy bcrypt user logs in and afterwards has an argon2id hash', async () => {
    const hash = bcrypt.hashSync('legacy-pass-1', 4);
    await queryDb(t, `INSERT INTO users (username, username_normalized, email, password_hash, role) VALUES ('legacy', 'legacy', 'legacy@school.test', $1, 'staf')`, [hash]);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'legacy', password: 'wrong-password' }).expect(401);
    const [before] = await queryDb<{ password_hash: string }>(t, `SELECT password_hash FROM users WHERE username = 'legacy'`);
    expect(before.password_hash).toMatch(/^\$2[ab]\$/);
    await request(t.baseUrl).post('/api/auth/token').type('form').send({ username: 'legacy', password: 'legacy-pass-1' }).expect(200);
    const [after] = await queryDb<{ password_hash: string }>(t, `SELECT password_hash FROM users WHERE username = 'legacy'`);
    expect(after.password_hash).toMatch(/^\$argon2id\$/);
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'legacy', password: 'legacy-pass-1' }).expect(200);
  });

  it('unknown user and wrong password answer the same 401 detail', async () => {
    const a = await request(t.baseUrl).post('/api/auth/login').send({ username: 'nobody_here', password: 'whatever-123' }).expect(401);
    const b = await request(t.baseUrl).post('/api/auth/login').send({ username: 'climber', password: 'whatever-123' }).expect(401);
    expect(a.body.detail).toBe(b.body.detail);
    expect(a.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('six wrong passwords for one username → 429 with Retry-After, logged under SECURITY', async () => {
    await register(t, admin, 'target', 'staf');
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await request(t.baseUrl).post('/api/auth/login').set('X-Request-Id', `throttle-${i}`).send({ username: 'target', password: `bad-guess-${i}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits (from this address) until the pair's delay has passed.
    await request(t.baseUrl).post('/api/auth/login').send({ username: 'target', password: USER_PASSWORD }).expect(429);
    const [throttled] = await eventsOf(t, 'throttle-5');
    expect(throttled).toMatchObject({ category: 'SECURITY', action: 'auth.login_throttled', username: 'target', status: 429, ip: expect.any(String) });
    const [failed] = await eventsOf(t, 'throttle-0');
    expect(failed).toMatchObject({ category: 'SECURITY', action: 'auth.login_failed', username: 'target', ip: expect.any(String) });
    const report = await request(t.baseUrl).get('/api/events/security').set(bearer(admin)).expect(200);
    expect(report.body.failed_logins).toBeGreaterThanOrEqual(6);
    expect(report.body.by_username).toEqual(expect.arrayContaining([{ key: 'target', count: expect.any(Number) }]));
    expect(report.body.by_status['429']).toBeGreaterThanOrEqual(1);
  });
});

describe('Self-registration (e2e)', () => {
  it('is off by default: anonymous register → 401', async () => {
    const t = await createTestApp();
    try {
      await request(t.baseUrl)
        .post('/api/auth/register')
        .send({ username: 'walkin', email: 'walkin@school.test', password: 'pintu-masuk-9', role: 'guru' })
        .expect(401);
    } finally {
      await t.close();
    }
  });

  it('when on, creates inactive guru/staf only; never an admin', async () => {
    const t = await createTestApp({ SELF_REGISTRATION: 'true' });
    try {
      const res = await request(t.baseUrl)
        .post('/api/auth/register')
        .send({ username: 'walkin', email: 'walkin@school.test', password: 'pintu-masuk-9', role: 'guru', is_active: true })
        .expect(201);
      expect(res.body).toMatchObject({ role: 'guru', is_active: false });
      await request(t.baseUrl).post('/api/auth/login').send({ username: 'walkin', password: 'pintu-masuk-9' }).expect(403);
      await request(t.baseUrl)
        .post('/api/auth/register')
        .send({ username: 'sneaky', email: 'sneaky@school.test', password: 'jalan-belakang-9', role: 'admin' })
        .expect(403);
      const admin = await tokenFor(t, 'admin');
      await request(t.baseUrl).put(`/api/auth/users/${res.body.id}`).set(bearer(admin)).send({ is_active: true }).expect(200);
      await request(t.baseUrl).post('/api/auth/login').send({ username: 'walkin', password: 'pintu-masuk-9' }).expect(200);
    } finally {
      await t.close();
    }
  });
});
