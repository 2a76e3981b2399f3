import request from 'supertest';
import { eventsOf } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/** The client IP in the event log (and the login throttle's per-IP key) cannot be chosen by the client. */
describe('Client IP and X-Forwarded-For (e2e)', () => {
  const spoofed = '203.0.113.7';

  async function ipSeenBy(t: TestApp): Promise<string | null> {
    const res = await request(t.baseUrl).get('/api/siswa').set('X-Forwarded-For', spoofed).expect(401);
    const [event] = await eventsOf(t, res.headers['x-request-id'] as string);
    return event?.ip ?? null;
  }

  it('ignores X-Forwarded-For by default', async () => {
    const t = await createTestApp();
    try {
      const ip = await ipSeenBy(t);
      expect(ip).not.toBe(spoofed);
      expect(ip).toMatch(/127\.0\.0\.1/);
    } finally {
      await t.close();
    }
  });

  it('believes it with TRUST_PROXY=true (the API behind nginx)', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'true' });
    try {
      await expect(ipSeenBy(t)).resolves.toBe(spoofed);
    } finally {
      await t.close();
    }
  });
});
