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
  ValidateBy,
  validateSync,
} from 'class-validator';
import { parseCron } from '../common/jobs/cron-schedule';

/** A MODEL_RETRAIN_CRON the scheduler understands (see src/common/jobs/cron-schedule.ts); empty = off. */
const IsCronSubset = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCronSubset',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        try {
          parseCron(value);
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: () => 'must be @hourly, @daily, @weekly, @monthly or five cron fields of *, */N, numbers or comma lists (e.g. "0 2 * * 0")',
    },
  });

/** Parses the usual spellings of a boolean environment value; anything else stays a string and fails validation. */
const envBoolean = ({ value }: { value: unknown }): unknown => {
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

  @Transform(envBoolean) @IsBoolean()
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

  @Transform(envBoolean) @IsBoolean()
  SELF_REGISTRATION = false;

  @Transform(toNumber) @IsInt() @Min(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toNumber) @IsInt() @Min(1024)
  UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

  /** Data rows one upload may have (more → 413 naming this setting). */
  @Transform(toNumber) @IsInt() @Min(1)
  UPLOAD_MAX_ROWS = 100_000;

  /** Bytes the parts of an uploaded .xlsx may inflate to; reading stops the moment this is crossed. */
  @Transform(toNumber) @IsInt() @Min(1024)
  UPLOAD_MAX_INFLATED_BYTES = 100 * 1024 * 1024;

  @Transform(toNumber) @IsInt() @Min(1)
  UPLOAD_MAX_COLUMNS = 100;

  @Transform(toNumber) @IsInt() @Min(1)
  UPLOAD_MAX_CELL_CHARS = 32_767;

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

  @Transform(envBoolean) @IsBoolean()
  DEMO_DATA = true;

  @Transform(toNumber) @IsInt() @Min(0) @Max(100000)
  DEMO_STUDENTS = 120;

  /** Failed logins of one username from one address before delays start (OWASP: per pair). */
  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_FREE_FAILURES = 5;

  /** The first delay after the free failures; it doubles with each further failure of the pair. */
  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_DELAY_SECONDS = 30;

  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_MAX_DELAY_MINUTES = 15;

  /** Failures of one username (all addresses) per window beyond which only its failing addresses are held. */
  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_USER = 20;

  /** Failures from one address (all usernames) per window beyond which its failing usernames are held. */
  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 100;

  @Transform(toNumber) @IsInt() @Min(1)
  LOGIN_WINDOW_MINUTES = 15;

  /** Expensive routes: requests per user per window (0 = unlimited). */
  @Transform(toNumber) @IsInt() @Min(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Transform(toNumber) @IsInt() @Min(0)
  RATE_LIMIT_TRAIN = 10;

  @Transform(toNumber) @IsInt() @Min(0)
  RATE_LIMIT_BATCH = 30;

  @Transform(toNumber) @IsInt() @Min(0)
  RATE_LIMIT_EXPORT = 60;

  @Transform(toNumber) @IsInt() @Min(0)
  RATE_LIMIT_TREE = 120;

  @Transform(toNumber) @IsInt() @Min(0)
  RATE_LIMIT_UPLOAD = 60;

  @Transform(toNumber) @IsInt() @Min(1)
  EVENT_RETENTION_DAYS = 365;

  /** Event rows held while the database is unreachable or slow; beyond this requests get 503. */
  @Transform(toNumber) @IsInt() @Min(10) @Max(1_000_000)
  EVENT_BUFFER_MAX_ROWS = 10_000;
  /** Deleted records stay restorable this long in the recycle bin (/api/trash), then a daily purge removes them. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(3650)
  TRASH_RETENTION_DAYS = 30;

  @IsOptional() @IsString()
  METRICS_TOKEN?: string;

  /** The active model is stale when older than this many days (GET /api/prediksi/models/active/status). */
  @Transform(toNumber) @IsInt() @Min(1) @Max(3650)
  MODEL_MAX_AGE_DAYS = 180;

  /** When set, a champion/challenger retraining runs on this schedule (school time zone); unset = never. */
  @IsOptional() @IsCronSubset()
  MODEL_RETRAIN_CRON?: string;

  /** A challenger whose CV accuracy is below the champion's by more than this is not activated. */
  @Transform(toNumber) @IsNumber() @Min(0) @Max(1)
  MODEL_MAX_ACCURACY_DROP = 0.01;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates raw environment values; throws a ConfigError naming every invalid setting. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, string> = {};
  for (const key of [...known, 'DATABASE_URL', 'JWT_SECRET', 'ADMIN_PASSWORD', 'METRICS_TOKEN', 'MODEL_RETRAIN_CRON']) {
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
