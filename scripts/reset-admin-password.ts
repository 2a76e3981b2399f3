/**
 * `npm run admin:reset-password [-- [--username NAME] [--password NEW]]`: sets a new password for an
 * admin account (default ADMIN_USERNAME, i.e. `admin`) and prints it. Without --password one is
 * generated. The admin is re-activated and its sessions are revoked (refresh tokens stop working).
 *
 * The database is the app's: DATABASE_URL, else the embedded server of EMBEDDED_PG_DATA_DIR — the
 * running one when `npm start` is up, or started just for this and stopped again.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { PasswordService } from '../src/auth/password.service';
import { loadConfig } from '../src/config/app-config';
import { type EmbeddedPostgresHandle, embeddedUrl, runningServer, startEmbeddedPostgres } from '../src/database/embedded-postgres';

const MIN_PASSWORD_LENGTH = 8;

async function connectionUrl(): Promise<{ url: string; embedded?: EmbeddedPostgresHandle }> {
  const config = loadConfig();
  if (config.database.url) return { url: config.database.url };
  const running = runningServer(config.database.embeddedDataDir);
  if (running) return { url: embeddedUrl(running.port, 'edupro') };
  const embedded = await startEmbeddedPostgres({ dataDir: config.database.embeddedDataDir, port: config.database.embeddedPort });
  return { url: embeddedUrl(embedded.port, 'edupro'), embedded };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, password: { type: 'string' } } });
  const username = values.username ?? loadConfig().auth.adminUsername;
  const password = values.password ?? randomBytes(12).toString('base64url');
  if (password.length < MIN_PASSWORD_LENGTH) {
    process.stderr.write(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.\n`);
    return 2;
  }
  const { url, embedded } = await connectionUrl();
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const hash = await new PasswordService().hash(password);
    await client.query('BEGIN');
    const updated = await client.query<{ id: number }>(
      `UPDATE users SET password_hash = $1, is_active = true, updated_at = now() WHERE username = $2 AND role = 'admin' RETURNING id`,
      [hash, username],
    );
    const id = updated.rows[0]?.id;
    if (id === undefined) {
      await client.query('ROLLBACK');
      const admins = await client.query<{ username: string }>(`SELECT username FROM users WHERE role = 'admin' ORDER BY id`);
      const known = admins.rows.map((r) => r.username).join(', ') || 'none (start the API once to create it)';
      process.stderr.write(`No admin account named "${username}". Admin accounts: ${known}. Use --username.\n`);
      return 1;
    }
    await client.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = 'password_reset' WHERE user_id = $1 AND revoked_at IS NULL`,
      [id],
    );
    await client.query('COMMIT');
    process.stdout.write(`Password of admin "${username}" reset.\n  username: ${username}\n  password: ${password}\n`);
    return 0;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`admin:reset-password failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
