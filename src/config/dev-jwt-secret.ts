import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from './app-config';

/**
 * Outside production a missing JWT_SECRET is generated once and kept beside the embedded data, so a
 * newcomer's tokens survive a restart. Production refuses to start without one (see loadConfig).
 */
export function ensureDevJwtSecret(config: AppConfig): AppConfig {
  if (config.auth.jwtSecret) return config;
  const file = resolve(config.database.embeddedDataDir, '..', 'jwt-secret');
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, 'utf8').trim();
  } else {
    secret = randomBytes(48).toString('base64url');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  return { ...config, auth: { ...config.auth, jwtSecret: secret } };
}
