import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { buildOpenApiDocument } from '../src/docs/openapi';
import { ensureDevJwtSecret } from '../src/config/dev-jwt-secret';
import { embeddedUrl, runningServer } from '../src/database/embedded-postgres';
import { resolveDatabase } from '../src/database/resolve-database';

/**
 * `npm run openapi`: writes openapi.json. Building the document needs the app's modules, which need a
 * database connection; any reachable PostgreSQL will do (DATABASE_URL), else the embedded one.
 */
async function main(): Promise<void> {
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: 'false' };
  // While `npm start` runs, use its embedded server rather than refusing its data directory.
  const running = env.DATABASE_URL ? undefined : runningServer(loadConfig(env).database.embeddedDataDir);
  if (running) env.DATABASE_URL = embeddedUrl(running.port, 'edupro');
  const { config, embedded } = await resolveDatabase(ensureDevJwtSecret(loadConfig(env)), () => undefined);
  const app = await createApp(config);
  try {
    const document = buildOpenApiDocument(app);
    writeFileSync('openapi.json', `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`openapi.json written: ${Object.keys(document.paths).length} paths\n`);
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
