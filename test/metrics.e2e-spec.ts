import request from 'supertest';
import { createTestApp, type TestApp } from './utils/test-app';

describe('GET /metrics (e2e)', () => {
  describe('without a token configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    it('serves Prometheus text with request counts by route pattern and status', async () => {
      await request(t.baseUrl).get('/health').expect(200);
      await request(t.baseUrl).get('/api/nope').expect(404);
      const res = await request(t.baseUrl).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/edupro_http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
      expect(res.text).toMatch(/edupro_http_requests_total\{method="GET",route="unmatched",status="404"\} \d+/);
      expect(res.text).toContain('edupro_http_request_duration_seconds_bucket');
      expect(res.text).toMatch(/edupro_db_pool_connections\{state="total"\} \d+/);
      expect(res.text).toContain('edupro_active_model_version');
      expect(res.text).toContain('edupro_event_buffer_depth');
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ METRICS_TOKEN: 'scrape-token-123' });
    });
    afterAll(async () => {
      await t.close();
    });

    it('refuses a scrape without the token and accepts one with it', async () => {
      const refused = await request(t.baseUrl).get('/metrics').expect(401);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      await request(t.baseUrl).get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
      await request(t.baseUrl).get('/metrics').set('Authorization', 'Bearer scrape-token-123').expect(200);
    });
  });
});
