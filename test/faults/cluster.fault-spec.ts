import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { findFreePort } from '../../src/database/embedded-postgres';
import { buildApp, type RunningApp, startApp, waitForOutput } from '../utils/process';
import { login, runLoad } from './support/load';
import { FAULT_ADMIN_PASSWORD as ADMIN_PASSWORD } from './support/owned-app';
import { OwnedPostgres, queryNumber } from './support/pg-server';

const STUDENTS = 40;

/** The worker processes of a cluster primary (node:cluster forks them as its direct children). */
function workerPids(primary: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary)], { encoding: 'utf8' })
      .split('\n')
      .map((l) => Number.parseInt(l.trim(), 10))
      .filter((pid) => Number.isInteger(pid));
  } catch {
    return []; // ps exits 1 when there is no child
  }
}

/** The pids of the request-log lines the processes wrote so far (pino puts its pid on every line). */
function requestLogPids(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"req"')) continue;
    pids.add((JSON.parse(line) as { pid: number }).pid);
  }
  return pids;
}

/** A GET on a new connection (the primary deals connections, not requests, to the workers); its status. */
function freshGet(url: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function until(ms: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * WEB_CONCURRENCY=2 (src/cluster.ts): two workers serve one port, the one-time start-up work
 * (migrations, demo school, banner) happens once, a killed worker is replaced, and SIGTERM on the
 * primary drains both workers (their event logs flushed) and exits 0.
 */
describe('WEB_CONCURRENCY=2 (fault)', () => {
  let pg: OwnedPostgres;
  let app: RunningApp;
  let baseUrl: string;
  let token: string;
  const get = (): { method: string; path: string; headers: Record<string, string> } => ({
    method: 'GET',
    path: `/api/siswa/${1 + Math.floor(Math.random() * STUDENTS)}`,
    headers: { authorization: `Bearer ${token}` },
  });

  beforeAll(async () => {
    buildApp();
    pg = await OwnedPostgres.create();
    const port = await findFreePort();
    app = startApp({
      DATABASE_URL: pg.url(),
      PORT: String(port),
      ADMIN_PASSWORD,
      WEB_CONCURRENCY: '2',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      JWT_SECRET: 'cluster-fault-secret-cluster-fault-secret-0123',
      DEMO_DATA: 'true',
      DEMO_STUDENTS: String(STUDENTS),
    });
    await waitForOutput(app, /listening on/, 150_000);
    baseUrl = `http://127.0.0.1:${port}`;
    token = await login(baseUrl, 'admin', ADMIN_PASSWORD);
  });

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      for (const pid of workerPids(app.child.pid!)) process.kill(pid, 'SIGKILL');
      app.child.kill('SIGKILL');
    }
    await pg?.stop();
  });

  it('does the one-time start-up work once: migrations, demo school, banner', async () => {
    const output = app.output();
    expect(output.match(/listening on/g)).toHaveLength(1);
    expect(output).toMatch(/2 API processes \(WEB_CONCURRENCY\)/);
    expect(output.match(/Demo school created/g)).toHaveLength(1);
    await expect(queryNumber(pg.url(), 'SELECT count(*) AS n FROM siswa')).resolves.toBe(STUDENTS);
    await expect(queryNumber(pg.url(), 'SELECT count(*) AS n FROM model')).resolves.toBe(1);
    await expect(queryNumber(pg.url(), "SELECT count(*) AS n FROM users WHERE role = 'admin'")).resolves.toBe(1);
  });

  it('serves from both workers on one port', async () => {
    const workers = workerPids(app.child.pid!);
    expect(workers).toHaveLength(2);
    // Several connections at once: the primary deals connections to the workers round-robin.
    const load = runLoad(baseUrl, 8, get);
    await until(20_000, () => load.outcomes.length > 400 && workers.every((pid) => requestLogPids(app.output()).has(pid)));
    await load.stop();
    expect(load.outcomes.filter((o) => o.status !== 200)).toEqual([]);
  });

  it('replaces a killed worker', async () => {
    const [victim, survivor] = workerPids(app.child.pid!) as [number, number];
    process.kill(victim, 'SIGKILL');
    await waitForOutput(app, new RegExp(`Worker ${victim} died \\(SIGKILL\\); starting a replacement`), 10_000);
    await until(60_000, () => {
      const now = workerPids(app.child.pid!);
      return now.length === 2 && !now.includes(victim) && now.includes(survivor);
    });
    const replacement = workerPids(app.child.pid!).find((pid) => pid !== survivor)!;
    // The replacement joins without redoing the start-up work, then serves new connections.
    const statuses: number[] = [];
    await until(60_000, async () => {
      for (let i = 0; i < 20; i++) statuses.push(await freshGet(`${baseUrl}${get().path}`, token));
      return requestLogPids(app.output()).has(replacement);
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(app.output().match(/Demo school created/g)).toHaveLength(1);
  });

  it('SIGTERM drains every worker and exits 0', async () => {
    const load = runLoad(baseUrl, 8, get);
    await new Promise((r) => setTimeout(r, 1500));
    const sigtermAt = Date.now();
    app.child.kill('SIGTERM');
    await expect(app.exited).resolves.toBe(0);
    await load.stop();
    const beforeSignal = load.outcomes.filter((o) => o.startedAt < sigtermAt - 20);
    expect(beforeSignal.length).toBeGreaterThan(50);
    expect(beforeSignal.filter((o) => o.status !== 200)).toEqual([]);
    // Each worker flushed its event log on the way out, losing nothing.
    const closed = app.output().match(/Event log closed: \d+ rows written while stopping, 0 lost/g);
    expect(closed).toHaveLength(2);
  });
});
