import 'reflect-metadata';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.setup';
import { type ListeningMessage, runCluster } from './cluster';
import { AdminBootstrapService } from './auth/admin-bootstrap.service';
import { printAfterLogs } from './common/logging/pino-options';
import { formatBanner } from './common/logging/startup-banner';
import { loadConfig } from './config/app-config';
import { ensureDevJwtSecret } from './config/dev-jwt-secret';
import { embeddedUrl } from './database/embedded-postgres';
import { resolveDatabase } from './database/resolve-database';

const say = (message: string): void => {
  process.stdout.write(`${message}\n`);
};

/**
 * Boot: validate config, find or start PostgreSQL, build the app (migrations run on init), listen.
 * With WEB_CONCURRENCY > 1 this process becomes the cluster primary instead (src/cluster.ts) and each
 * worker runs this same function on the database the primary resolved.
 */
async function bootstrap(): Promise<void> {
  const { config, embedded } = await resolveDatabase(ensureDevJwtSecret(loadConfig()), say);
  if (cluster.isPrimary && config.workers > 1) return runCluster(config, embedded, say);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;

  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing in-flight requests and stopping`);
    // A stuck close (e.g. the database vanished mid-flush) must not keep the process alive forever.
    setTimeout(() => {
      process.stderr.write('Shutdown took longer than 20 s; exiting\n');
      process.exit(1);
    }, 20_000).unref();
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    app = await createApp(config);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  const { address, port } = app.getHttpServer().address() as AddressInfo;
  if (cluster.isWorker) {
    // The primary prints the one banner (with a generated admin password, which only the first worker has).
    const message: ListeningMessage = { type: 'edupro:listening', address, port, generatedLogin: app.get(AdminBootstrapService).takeGeneratedLogin() };
    printAfterLogs(''); // the start-up lines (demo school, warnings) appear now, not with the next batch
    process.send?.(message);
    return;
  }
  printAfterLogs(
    formatBanner({
      address,
      port,
      adminUsername: config.auth.adminUsername,
      generatedLogin: app.get(AdminBootstrapService).takeGeneratedLogin(),
      database: embedded
        ? { embedded: { dataDir: embedded.dataDir, psqlUrl: embeddedUrl(embedded.port, 'edupro') } }
        : { url: config.database.url ?? '' },
    }) + '\n',
  );
}

bootstrap().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') {
    process.stderr.write(`Port already in use: ${err.message}. Is EduPro API already running? Set PORT to another port.\n`);
  } else {
    process.stderr.write(`EduPro API failed to start: ${err.message ?? String(error)}\n`);
  }
  process.exit(1);
});
