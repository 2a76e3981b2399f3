/** What the start-up banner reports; main.ts gathers it once the server listens. */
export interface BannerFacts {
  /** The address the server really listens on (`127.0.0.1`, `0.0.0.0`, `::`). */
  address: string;
  port: number;
  /** Set when this start created the first admin with a generated password. */
  generatedLogin?: { username: string; password: string };
  /** The first admin was created from ADMIN_USERNAME / ADMIN_PASSWORD (or existed already). */
  adminUsername: string;
  database: { embedded: { dataDir: string; psqlUrl: string } } | { url: string };
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);

function hostForUrl(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** A database URL without its password, for the console. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

/**
 * The last thing `npm start` prints: where the API is, where the docs are, how to log in and where the
 * data lives. A generated admin password appears here and nowhere else (not in the structured log).
 */
export function formatBanner(facts: BannerFacts): string {
  const everywhere = WILDCARD.has(facts.address);
  const base = `http://${everywhere ? '127.0.0.1' : hostForUrl(facts.address)}:${facts.port}`;
  const lines = [
    `EduPro API listening on http://${hostForUrl(facts.address || '0.0.0.0')}:${facts.port}` +
      (everywhere ? ' (every network interface)' : ''),
    `  open:      ${base}`,
    `  docs:      ${base}/docs   (ReDoc ${base}/redoc, OpenAPI ${base}/openapi.json)`,
  ];
  if (facts.generatedLogin) {
    lines.push(
      `  admin:     username: ${facts.generatedLogin.username}`,
      `             password: ${facts.generatedLogin.password}`,
      '             (generated and shown only this once: log in and change it)',
    );
  } else {
    lines.push(`  admin:     ${facts.adminUsername} (forgot the password? npm run admin:reset-password)`);
  }
  if ('embedded' in facts.database) {
    lines.push(
      `  data:      embedded PostgreSQL, data in ${facts.database.embedded.dataDir}`,
      `             psql ${facts.database.embedded.psqlUrl}`,
    );
  } else {
    lines.push(`  data:      PostgreSQL at ${withoutPassword(facts.database.url)}`);
  }
  const rule = '='.repeat(72);
  return `\n${rule}\n${lines.join('\n')}\n${rule}\n`;
}
