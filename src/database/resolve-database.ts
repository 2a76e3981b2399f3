import pg from 'pg';
import type { AppConfig } from '../config/app-config';
import { type EmbeddedPostgresHandle, embeddedUrl, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  config: AppConfig;
  embedded?: EmbeddedPostgresHandle;
}

/**
 * With DATABASE_URL the app uses that server and starts nothing. Without it, it starts the embedded
 * PostgreSQL server with its data under EMBEDDED_PG_DATA_DIR (kept between runs) and creates the
 * `edupro` database on first use.
 */
export async function resolveDatabase(config: AppConfig, log: (m: string) => void): Promise<ResolvedDatabase> {
  if (config.database.url) return { config };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.database.embeddedDataDir,
    port: config.database.embeddedPort,
  });
  const { Client } = pg;
  const admin = new Client({ connectionString: embedded.url });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'edupro'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE edupro');
  } finally {
    await admin.end();
  }
  log(`Embedded PostgreSQL running on 127.0.0.1:${embedded.port}, data in ${embedded.dataDir}`);
  const url = embeddedUrl(embedded.port, 'edupro');
  return { config: { ...config, database: { ...config.database, url } }, embedded };
}
