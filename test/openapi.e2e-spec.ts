import request from 'supertest';
import { createTestApp, type TestApp } from './utils/test-app';

interface Operation {
  summary?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every route must document its summary, success schema, error responses and auth requirement. */
describe('OpenAPI document completeness (e2e)', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await createTestApp();
    paths = (await request(t.baseUrl).get('/docs-json').expect(200)).body.paths;
  });
  afterAll(async () => {
    await t.close();
  });

  const operations = (): Array<[string, Operation]> =>
    Object.entries(paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => [`${m.toUpperCase()} ${path}`, item[m]] as [string, Operation]),
    );

  it('/openapi.json is the same document as /docs-json, without a token', async () => {
    const alias = await request(t.baseUrl).get('/openapi.json').expect(200);
    expect(alias.headers['content-type']).toMatch(/^application\/json/);
    const original = await request(t.baseUrl).get('/docs-json').expect(200);
    expect(alias.body).toEqual(original.body);
  });

  it('documents at least the system routes', () => {
    const names = operations().map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['GET /health', 'GET /api/health/ready']));
  });

  it('every operation has a summary', () => {
    const missing = operations().filter(([, op]) => !op.summary?.trim()).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('every operation documents a success response with a schema (or 204)', () => {
    const missing = operations()
      .filter(([, op]) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return !ok.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((c) => c.schema));
      })
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('every operation documents its error responses as problem+json', () => {
    const missing = operations()
      .filter(([, op]) => {
        const errors = Object.entries(op.responses ?? {}).filter(([code]) => /^[45]\d\d$/.test(code));
        return errors.length === 0 || errors.some(([, r]) => !r.content?.['application/problem+json']);
      })
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('every operation states its auth requirement (bearer, or explicitly none)', () => {
    const missing = operations().filter(([, op]) => !Array.isArray(op.security)).map(([name]) => name);
    expect(missing).toEqual([]);
    // `[{}]` is OpenAPI's "no authentication"; a protected route names the bearer scheme.
    const isProtected = (op: Operation): boolean =>
      (op.security ?? []).some((req) => Object.keys(req as object).length > 0);
    const publicOps = operations().filter(([, op]) => !isProtected(op)).map(([name]) => name);
    expect(publicOps).toEqual(expect.arrayContaining(['GET /health']));
    const protectedOps = operations().filter(([, op]) => isProtected(op));
    for (const [name, op] of protectedOps) {
      expect({ name, codes: Object.keys(op.responses ?? {}) }).toEqual({
        name,
        codes: expect.arrayContaining(['401', '403']),
      });
    }
  });
});
