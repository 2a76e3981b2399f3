import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** Parses the usual spellings of a boolean environment value; anything else stays a string and fails validation. */
const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;

/**
 * Every setting the app reads, with its default. Validated once at boot: an invalid value stops the
 * start with a message naming the setting. Documented in `.env.example` and README.md.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toNumber) @IsInt() @Min(0) @Max(65535)
  PORT = 8000;

  @IsString()
  /** Loopback for `npm start` on a laptop; the Dockerfile and compose set 0.0.0.0. */
  HOST = '127.0.0.1';

  @IsOptional() @IsString()
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DATA_DIR = './data/postgres';

  /** Unset: the embedded server keeps the port it was first given for its data directory (from 54329 up). */
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @Transform(toNumber) @IsInt() @Min(1) @Max(200)
  DB_POOL_MAX = 10;

  @Transform(toNumber) @IsInt() @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  @Transform(toNumber) @IsInt() @Min(100)
  DB_CONNECT_TIMEOUT_MS = 10000;

  @Transform(toBoolean) @IsBoolean()
  MIGRATIONS_RUN = true;

  @IsOptional() @IsString()
  JWT_SECRET?: string;

  @Transform(toNumber) @IsInt() @Min(1) @Max(24 * 60)
  JWT_ACCESS_TTL_MINUTES = 120;

  @Transform(toNumber) @IsInt() @Min(1) @Max(365)
  JWT_REFRESH_TTL_DAYS = 14;

  /** Comma-separated origins, or `*`. Empty: same-origin only (no CORS headers). */
  @IsString()
  CORS_ORIGINS = '';

  @IsString() @MinLength(3)
  ADMIN_USERNAME = 'admin';

  @IsOptional() @IsString() @MinLength(8)
  ADMIN_PASSWORD?: string;

  @IsString()
  ADMIN_EMAIL = 'admin@edupro.local';

  @Transform(toBoolean) @IsBoolean()
  SELF_REGISTRATION = false;

  @Transform(toNumber) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toNumber) @IsInt() @Min(1024)
  UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

  @Transform(toNumber) @IsInt() @Min(100)
  REQUEST_TIMEOUT_MS = 30000;

  /** What a list without `limit` returns, and the largest explicit `limit` (API.md §1). */
  @Transform(toNumber) @IsInt() @Min(1) @Max(1_000_000)
  LIST_MAX_LIMIT = 10_000;

  /**
   * Whether to believe X-Forwarded-For (client IPs for the event log and login throttling): `false`
   * (default: a client could otherwise pick its own IP and dodge the per-IP throttle), `true` when the
   * API is reachable only through a reverse proxy, or a comma-separated list of proxy IPs/CIDRs.
   */
  @IsString()
  TRUST_PROXY = 'false';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  SCHOOL_TIMEZONE = 'Asia/Jakarta';

  @Transform(toNumber) @IsNumber() @Min(0) @Max(100)
  ATTENDANCE_HIGH_MIN = 80;

  @Transform(toNumber) @IsNumber() @Min(0) @Max(100)
  ATTENDANCE_MEDIUM_MIN = 75;

  @Transform(toNumber) @IsNumber() @Min(0)
  INCOME_HIGH_MIN = 5_000_000;

  @Transform(toNumber) @IsNumber() @Min(0)
  INCOME_MEDIUM_MIN = 2_300_000;

  @Transform(toBoolean) @IsBoolean()
  DEMO_DATA = true;

  @Transform(toNumber) @IsInt() @Min(0) @Max(100000)
  DEMO_STUDENTS = 120;

  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_USER = 5;

  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 50;

  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_WINDOW_MINUTES = 15;

  @Transform(toNumber) @IsInt() @Min(1)
  EVENT_RETENTION_DAYS = 365;

  @IsOptional() @IsString()
  METRICS_TOKEN?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates raw environment values; throws a ConfigError naming every invalid setting. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'JWT_SECRET', 'ADMIN_PASSWORD', 'METRICS_TOKEN']) {
    const value = raw[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
