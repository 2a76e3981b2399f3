import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp } from '../../src/app.setup';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { withDatabase } from '../setup/pg-url';

export const TEST_ADMIN = { username: 'admin', password: 'sekolah-test-kunci-1' };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh database cloned from the migrated template (global setup). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = process.env.TEST_PG_TEMPLATE;
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!template || !adminUrl) throw new Error('Run e2e tests through jest (global setup prepares the database)');
  const name = `${template.replace('edupro_test_tpl_', 'edupro_test_')}_f${randomBytes(4).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      // 55006: another worker is copying the template at this instant; wait and retry.
      if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** The configuration every test instance runs with (silent, no demo data, the known first admin). */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    MIGRATIONS_RUN: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
    DATABASE_URL: databaseUrl,
  });
}

/**
 * The real application (createApp from app.setup.ts, the same pipeline as main.ts) on the given
 * database, listening on a free port. A second call on the same database is another replica.
 */
export async function startInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; config: AppConfig; baseUrl: string }> {
  const config = testConfig(databaseUrl, env);
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, config, baseUrl: `http://127.0.0.1:${port}` };
}

/** A fresh database cloned from the migrated template, with the app running on it. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const { app, config, baseUrl } = await startInstance(database.url, env);
  return {
    app,
    config,
    baseUrl,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
