import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { findFreePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { withDatabase } from './pg-url';

declare global {
  var __EDUPRO_TEST_DB__: { stop?: () => Promise<void>; adminUrl: string; template: string } | undefined;
}

/**
 * Uses the server of DATABASE_URL when set (CI's PostgreSQL 15), otherwise starts an embedded one.
 * Migrations run once, into a template database; every e2e test file then gets its own database
 * cloned from it (test/utils/test-app.ts), so files never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const parent = mkdtempSync(join(tmpdir(), 'edupro-test-pg-'));
    // mkdtemp makes a 0700 folder; as root, PostgreSQL runs as the `postgres` user and must reach it.
    chmodSync(parent, 0o755);
    const dataDir = join(parent, 'data');
    const handle = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), nonDurable: true });
    adminUrl = handle.url;
    stop = handle.stop;
  }
  const template = `edupro_test_tpl_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const dataSource = new DataSource(buildDataSourceOptions({ url: withDatabase(adminUrl, template) }));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
  globalThis.__EDUPRO_TEST_DB__ = { stop, adminUrl, template };
}
