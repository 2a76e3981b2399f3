import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { createTestApp, startInstance, TEST_ADMIN, type TestApp } from './utils/test-app';

const PASSWORD = 'kapur-tulis-papan-9';

/** Logs in from the given client address (the apps below trust X-Forwarded-For, as behind nginx). */
function loginFrom(baseUrl: string, ip: string, username: string, password: string): request.Test {
  return request(baseUrl).post('/api/auth/login').set('X-Forwarded-For', ip).send({ username, password });
}

async function statuses(baseUrl: string, ip: string, username: string, passwords: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const password of passwords) out.push((await loginFrom(baseUrl, ip, username, password)).status);
  return out;
}

const wrong = (n: number): string[] => Array.from({ length: n }, (_, i) => `wrong-guess-${i}`);

async function addUser(t: TestApp, username: string, role = 'guru'): Promise<void> {
  const admin = await tokenFor(t, 'admin');
  await request(t.baseUrl)
    .post('/api/auth/register')
    .set(bearer(admin))
    .send({ username, email: `${username}@school.test`, password: PASSWORD, role })
    .expect(201);
}

describe('Login throttle: per (username, address) with growing delays (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', LOGIN_DELAY_SECONDS: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('five wrong passwords from one address do not lock the admin out elsewhere', async () => {
    await expect(statuses(t.baseUrl, '198.51.100.1', 'admin', wrong(5))).resolves.toEqual([401, 401, 401, 401, 401]);
    const held = await loginFrom(t.baseUrl, '198.51.100.1', 'admin', TEST_ADMIN.password).expect(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    await loginFrom(t.baseUrl, '198.51.100.2', 'admin', TEST_ADMIN.password).expect(200);
  });

  it('delays grow with each further failure and a success clears them', async () => {
    await addUser(t, 'bendahara');
    const ip = '198.51.100.20';
    await statuses(t.baseUrl, ip, 'bendahara', wrong(5));
    const first = await loginFrom(t.baseUrl, ip, 'bendahara', 'wrong-again').expect(429);
    expect(first.headers['retry-after']).toBe('1');
    await new Promise((r) => setTimeout(r, 1100));
    await loginFrom(t.baseUrl, ip, 'bendahara', 'wrong-again').expect(401);
    const second = await loginFrom(t.baseUrl, ip, 'bendahara', PASSWORD).expect(429);
    expect(second.headers['retry-after']).toBe('2');
    await new Promise((r) => setTimeout(r, 2100));
    await loginFrom(t.baseUrl, ip, 'bendahara', PASSWORD).expect(200);
    // Cleared: the next typo is a plain 401 again, not a longer delay.
    await loginFrom(t.baseUrl, ip, 'bendahara', 'one-typo').expect(401);
    await loginFrom(t.baseUrl, ip, 'bendahara', PASSWORD).expect(200);
  });
});

describe('Login throttle: a school behind one NAT address (e2e)', () => {
  let t: TestApp;
  const nat = '203.0.113.9';

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_MAX_FAILURES_PER_USER: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('an attacker spraying from the school address does not block the teachers who type their password right', async () => {
    await addUser(t, 'guru_nat');
    for (const name of ['sprayed1', 'sprayed2', 'sprayed3']) await loginFrom(t.baseUrl, nat, name, 'guess-123').expect(401);
    // The address is over its limit: the failing pairs wait, a pair that has not been failing gets through.
    await loginFrom(t.baseUrl, nat, 'guru_nat', PASSWORD).expect(200);
    await loginFrom(t.baseUrl, nat, 'sprayed1', 'guess-456').expect(429);
    await loginFrom(t.baseUrl, nat, 'fresh_name', 'guess-789').expect(401);
    await loginFrom(t.baseUrl, nat, 'fresh_name', 'guess-000').expect(429);
  });

  it('one account guessed from many addresses: failing addresses wait, a clean one logs in', async () => {
    await addUser(t, 'kepala_tu', 'staf');
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) await loginFrom(t.baseUrl, ip, 'kepala_tu', 'guess-abc').expect(401);
    await loginFrom(t.baseUrl, '192.0.2.1', 'kepala_tu', PASSWORD).expect(429);
    await loginFrom(t.baseUrl, '192.0.2.50', 'kepala_tu', PASSWORD).expect(200);
  });
});

describe('Login throttle: one normalized username (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true' });
    await addUser(t, 'vi_x');
  });
  afterAll(async () => {
    await t.close();
  });

  it('a look-alike that PostgreSQL folds (U+0130) does not log into the account', async () => {
    await loginFrom(t.baseUrl, '198.51.100.30', 'vİ_x', PASSWORD).expect(401);
  });

  it('compatibility forms are the same username for login, throttle and uniqueness', async () => {
    const ip = '198.51.100.31';
    const fullWidth = 'ＶＩ_Ｘ';
    const res = await loginFrom(t.baseUrl, ip, fullWidth, PASSWORD).expect(200);
    expect(res.body.user.username).toBe('vi_x');
    await statuses(t.baseUrl, ip, fullWidth, wrong(5));
    await loginFrom(t.baseUrl, ip, 'VI_X', PASSWORD).expect(429);
    const admin = await tokenFor(t, 'admin');
    await request(t.baseUrl)
      .post('/api/auth/register')
      .set(bearer(admin))
      .send({ username: 'Vi_X', email: 'other-vix@school.test', password: PASSWORD, role: 'staf' })
      .expect(409);
  });
});

describe('Login throttle across replicas (e2e)', () => {
  it('failures on two instances of one database add up', async () => {
    const a = await createTestApp();
    const b = await startInstance(a.databaseUrl);
    try {
      const seen: number[] = [];
      for (let i = 0; i < 6; i++) {
        const base = i % 2 === 0 ? a.baseUrl : b.baseUrl;
        seen.push((await request(base).post('/api/auth/login').send({ username: 'admin', password: `wrong-${i}` })).status);
      }
      expect(seen).toEqual([401, 401, 401, 401, 401, 429]);
      await request(b.baseUrl).post('/api/auth/login').send(TEST_ADMIN).expect(429);
    } finally {
      await b.app.close();
      await a.close();
    }
  });
});
