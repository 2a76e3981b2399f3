import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './config/app-config';
import { formatBanner } from './common/logging/startup-banner';
import { embeddedUrl } from './database/embedded-postgres';
import type { EmbeddedPostgresHandle } from './database/embedded-postgres';

/** What a worker tells the primary once it listens (main.ts). */
export interface ListeningMessage {
  type: 'edupro:listening';
  address: string;
  port: number;
  generatedLogin?: { username: string; password: string };
}

const isListening = (message: unknown): message is ListeningMessage => (message as ListeningMessage | undefined)?.type === 'edupro:listening';

/** A worker that keeps dying is a bug or a dead database, not bad luck: stop instead of forking forever. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const SHUTDOWN_MS = 25_000;

/**
 * WEB_CONCURRENCY > 1: this process is the node:cluster primary and serves nothing itself; N workers
 * run the whole app on one port (the primary holds the socket and deals connections round-robin).
 *
 * The one-time start-up work happens once: the primary resolves the database (starts the embedded
 * server, keeps the generated development JWT secret) and hands both to the workers; the first worker
 * starts alone and applies migrations, creates the first admin and loads the demo school; only when it
 * listens are the others forked, with MIGRATIONS_RUN and DEMO_DATA off (the admin bootstrap is
 * advisory-locked and only creates a missing admin). The banner is printed once, by the primary.
 * A worker that dies is replaced; SIGTERM/SIGINT are forwarded, every worker drains and flushes its
 * event log, then the embedded server stops.
 */
export async function runCluster(config: AppConfig, embedded: EmbeddedPostgresHandle | undefined, say: (m: string) => void): Promise<void> {
  const shared = { DATABASE_URL: config.database.url ?? '', JWT_SECRET: config.auth.jwtSecret ?? '' };
  const later = { ...shared, MIGRATIONS_RUN: 'false', DEMO_DATA: 'false' };
  let stopping = false;
  let started = false;
  const restarts: number[] = [];

  const stopEmbedded = async (): Promise<void> => {
    await embedded?.stop().catch(() => undefined);
  };

  const fork = (env: Record<string, string>): Promise<ListeningMessage> => {
    const worker = cluster.fork(env);
    return new Promise((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        if (isListening(message)) resolve(message);
      });
      worker.once('exit', (code, signal) => reject(new Error(`worker ${worker.process.pid} exited during start-up (${signal ?? code})`)));
    });
  };

  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping || !started) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      say(`Workers died ${restarts.length} times within ${RESTART_WINDOW_MS / 1000} s; stopping`);
      void shutdown('worker failures', 1);
      return;
    }
    say(`Worker ${worker.process.pid} died (${signal ?? `exit ${code}`}); starting a replacement`);
    fork(later).catch((error: unknown) => {
      if (!stopping) say(`Replacement worker failed: ${(error as Error).message}`);
    });
  });

  const shutdown = async (reason: string, exitCode = 0): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const exits = workers.map((w) => new Promise<number>((r) => w.once('exit', (code) => r(code ?? 1))));
    for (const w of workers) w.process.kill('SIGTERM');
    const timer = setTimeout(() => {
      say(`Workers took longer than ${SHUTDOWN_MS / 1000} s to stop; killing them`);
      for (const w of workers) w.process.kill('SIGKILL');
    }, SHUTDOWN_MS);
    const codes = await Promise.all(exits);
    clearTimeout(timer);
    await stopEmbedded();
    process.exit(exitCode || (codes.some((c) => c !== 0) ? 1 : 0));
  };
  process.on('SIGINT', () => void shutdown('SIGINT received'));
  process.on('SIGTERM', () => void shutdown('SIGTERM received'));

  let first: ListeningMessage;
  try {
    first = await fork(shared);
    await Promise.all(Array.from({ length: config.workers - 1 }, () => fork(later)));
  } catch (error) {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    await stopEmbedded();
    throw error;
  }
  started = true;
  process.stdout.write(
    `${config.workers} API processes (WEB_CONCURRENCY) serve port ${first.port}\n${formatBanner({
      address: first.address,
      port: first.port,
      adminUsername: config.auth.adminUsername,
      generatedLogin: first.generatedLogin,
      database: embedded ? { embedded: { dataDir: embedded.dataDir, psqlUrl: embeddedUrl(embedded.port, 'edupro') } } : { url: config.database.url ?? '' },
    })}\n`,
  );
}
