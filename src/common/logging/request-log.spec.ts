import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { recordChange } from '../audit/audit-context';
import { currentRequestContext } from '../context/request-context';
import { registerRequestContext } from '../context/request-context.hook';
import { buildAppLogger, buildRequestLogger } from './pino-options';
import { registerRequestLog } from './request-log';

/** The request lines and the app's lines as a deployment's log shipper reads them: JSON, one per line. */
function memoryStream(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('request log (Fastify hooks, one request context)', () => {
  const config = { logLevel: 'info' } as AppConfig;
  let app: FastifyInstance;
  let log: ReturnType<typeof memoryStream>;

  beforeEach(async () => {
    log = memoryStream();
    const appLogger = buildAppLogger(config, log.stream);
    app = Fastify({ genReqId: () => 'req-1' });
    registerRequestContext(app);
    registerRequestLog(app, buildRequestLogger(config, log.stream));
    app.get('/api/siswa/:id', async () => {
      await new Promise((r) => setTimeout(r, 1));
      appLogger.info({ password: 'rahasia', siswa: 7 }, 'looked up');
      return { id: 7, lang: currentRequestContext()?.lang };
    });
    app.get('/health', async () => ({ status: 'ok' }));
    app.get('/api/boom', async () => {
      throw new Error('db down');
    });
    await app.ready();
  });
  afterEach(() => app.close());

  it('writes one line per request with the fields pino-http wrote', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/siswa/7?x=1', headers: { authorization: 'Bearer secret-token' } });
    expect(res.headers['x-request-id']).toBe('req-1');
    const line = log.lines().find((l) => l.msg === 'request completed')!;
    expect(line).toMatchObject({ level: 30, req: { id: 'req-1', method: 'GET', url: '/api/siswa/7?x=1' }, request_id: 'req-1', res: { statusCode: 200 } });
    expect(typeof line.responseTime).toBe('number');
    expect(JSON.stringify(log.lines())).not.toContain('secret-token');
  });

  it("gives the app's own lines the request id and redacts their secrets", async () => {
    await app.inject({ method: 'GET', url: '/api/siswa/7' });
    const line = log.lines().find((l) => l.msg === 'looked up')!;
    expect(line).toMatchObject({ request_id: 'req-1', siswa: 7, password: '[REDACTED]' });
  });

  it('negotiates the language once into the context', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/siswa/7', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.json()).toEqual({ id: 7, lang: 'en' });
  });

  it('logs a 5xx at level error, and leaves out the liveness probe', async () => {
    await app.inject({ method: 'GET', url: '/api/boom' });
    await app.inject({ method: 'GET', url: '/health' });
    const lines = log.lines();
    expect(lines.find((l) => l.msg === 'request errored')).toMatchObject({ level: 50, res: { statusCode: 500 }, err: { message: 'failed with status code 500' } });
    expect(lines.some((l) => (l.req as { url?: string } | undefined)?.url === '/health')).toBe(false);
  });

  it('keeps a recorded change in the request that made it', async () => {
    const seen: unknown[] = [];
    app = Fastify();
    registerRequestContext(app);
    app.post('/change', async () => {
      recordChange({ entity_type: 'siswa', entity_id: 1 });
      await Promise.resolve();
      seen.push(currentRequestContext()?.audit.changes.length);
      return {};
    });
    await Promise.all([app.inject({ method: 'POST', url: '/change' }), app.inject({ method: 'POST', url: '/change' })]);
    expect(seen).toEqual([1, 1]);
  });
});
