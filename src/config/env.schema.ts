import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { GURU_SCOPE_MODES, type GuruScopeMode } from '../scope/guru-scope-mode';
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
      defaultMessage: () =>
        'must be @hourly, @daily, @weekly, @monthly or five cron fields of *, */N, numbers or comma lists (e.g. "0 2 * * 0")',
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

/** Decorators stacked as if written in this order above the property (TypeScript applies the last first). */
const stack =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key);
  };
const bounds = (min: number, max?: number): PropertyDecorator[] => [Min(min), ...(max === undefined ? [] : [Max(max)])];

/** A whole number setting of at least `min` (and at most `max`). */
const EnvInt = (min: number, max?: number): PropertyDecorator => stack(Transform(toNumber), IsInt(), ...bounds(min, max));
/** A number setting (fractions allowed) of at least `min` (and at most `max`). */
const EnvNumber = (min: number, max?: number): PropertyDecorator => stack(Transform(toNumber), IsNumber(), ...bounds(min, max));
/** A boolean setting (true/false, 1/0, yes/no, on/off). */
const EnvFlag = (): PropertyDecorator => stack(Transform(envBoolean), IsBoolean());

/**
 * Every setting the app reads, with its default. Validated once at boot: an invalid value stops the
 * start with a message naming the setting. Documented in `.env.example` and README.md.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @EnvInt(0, 65535)
  PORT = 8000;

  @IsString()
  /** Loopback for `npm start` on a laptop; the Dockerfile and compose set 0.0.0.0. */
  HOST = '127.0.0.1';

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** A read replica for exports, statistics and training sets; unset: they read the primary. */
  @IsOptional()
  @IsString()
  DATABASE_READ_URL?: string;

  @IsString()
  EMBEDDED_PG_DATA_DIR = './data/postgres';

  /** Unset: the embedded server keeps the port it was first given for its data directory (from 54329 up). */
  @IsOptional()
  @EnvInt(1, 65535)
  EMBEDDED_PG_PORT?: number;

  @EnvInt(1, 200)
  DB_POOL_MAX = 10;

  @EnvInt(100)
  DB_STATEMENT_TIMEOUT_MS = 15000;

  @EnvInt(100)
  DB_CONNECT_TIMEOUT_MS = 10000;

  @EnvFlag()
  MIGRATIONS_RUN = true;

  /** API processes on one port (node:cluster); the Dockerfile sets the number of cores. */
  @EnvInt(1, 64)
  WEB_CONCURRENCY = 1;

  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  @EnvInt(1, 24 * 60)
  JWT_ACCESS_TTL_MINUTES = 120;

  @EnvInt(1, 365)
  JWT_REFRESH_TTL_DAYS = 14;

  /** Comma-separated origins, or `*`. Empty: same-origin only (no CORS headers). */
  @IsString()
  CORS_ORIGINS = '';

  @IsString()
  @MinLength(3)
  ADMIN_USERNAME = 'admin';

  @IsOptional()
  @IsString()
  @MinLength(8)
  ADMIN_PASSWORD?: string;

  @IsString()
  ADMIN_EMAIL = 'admin@edupro.local';

  @EnvFlag()
  SELF_REGISTRATION = false;

  @EnvInt(1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @EnvInt(1024)
  UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

  /** Data rows one upload may have (more → 413 naming this setting). */
  @EnvInt(1)
  UPLOAD_MAX_ROWS = 100_000;

  /** Bytes the parts of an uploaded .xlsx may inflate to; reading stops the moment this is crossed. */
  @EnvInt(1024)
  UPLOAD_MAX_INFLATED_BYTES = 100 * 1024 * 1024;

  @EnvInt(1)
  UPLOAD_MAX_COLUMNS = 100;

  @EnvInt(1)
  UPLOAD_MAX_CELL_CHARS = 32_767;

  @EnvInt(100)
  REQUEST_TIMEOUT_MS = 30000;

  /** What a list without `limit` returns, and the largest explicit `limit` (API.md §1). */
  @EnvInt(1, 1_000_000)
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

  @EnvNumber(0, 100)
  ATTENDANCE_HIGH_MIN = 80;

  @EnvNumber(0, 100)
  ATTENDANCE_MEDIUM_MIN = 75;

  @EnvNumber(0)
  INCOME_HIGH_MIN = 5_000_000;

  @EnvNumber(0)
  INCOME_MEDIUM_MIN = 2_300_000;

  /** Early warning: a fall of the rata-rata by at least this many points since the previous semester is a reason. */
  @EnvNumber(0, 100)
  PERINGATAN_TURUN_NILAI = 5;

  @EnvFlag()
  DEMO_DATA = true;

  @EnvInt(0, 100000)
  DEMO_STUDENTS = 120;

  /** Failed logins of one username from one address before delays start (OWASP: per pair). */
  @EnvInt(1)
  LOGIN_FREE_FAILURES = 5;

  /** The first delay after the free failures; it doubles with each further failure of the pair. */
  @EnvInt(1)
  LOGIN_DELAY_SECONDS = 30;

  @EnvInt(1)
  LOGIN_MAX_DELAY_MINUTES = 15;

  /** Failures of one username (all addresses) per window beyond which only its failing addresses are held. */
  @EnvInt(1)
  LOGIN_MAX_FAILURES_PER_USER = 20;

  /** Failures from one address (all usernames) per window beyond which its failing usernames are held. */
  @EnvInt(1)
  LOGIN_MAX_FAILURES_PER_IP = 100;

  @EnvInt(1)
  LOGIN_WINDOW_MINUTES = 15;

  /** Expensive routes: requests per user per window (0 = unlimited). */
  @EnvInt(1)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @EnvInt(0)
  RATE_LIMIT_TRAIN = 10;

  @EnvInt(0)
  RATE_LIMIT_BATCH = 30;

  @EnvInt(0)
  RATE_LIMIT_EXPORT = 60;

  @EnvInt(0)
  RATE_LIMIT_TREE = 120;

  @EnvInt(0)
  RATE_LIMIT_UPLOAD = 60;

  @EnvInt(1)
  EVENT_RETENTION_DAYS = 365;

  /** Event rows held while the database is unreachable or slow; beyond this requests get 503. */
  @EnvInt(10, 1_000_000)
  EVENT_BUFFER_MAX_ROWS = 10_000;
  /** Deleted records stay restorable this long in the recycle bin (/api/trash), then a daily purge removes them. */
  @EnvInt(1, 3650)
  TRASH_RETENTION_DAYS = 30;

  @IsOptional()
  @IsString()
  METRICS_TOKEN?: string;

  /** What a guru sees and writes: `school` (everything, as before) or `class` (their rombels of the active year; see src/scope). */
  @IsIn(GURU_SCOPE_MODES)
  GURU_SCOPE: GuruScopeMode = 'school';

  /** The active model is stale when older than this many days (GET /api/prediksi/models/active/status). */
  @EnvInt(1, 3650)
  MODEL_MAX_AGE_DAYS = 180;

  /** When set, a champion/challenger retraining runs on this schedule (school time zone); unset = never. */
  @IsOptional()
  @IsCronSubset()
  MODEL_RETRAIN_CRON?: string;

  /** A challenger whose CV accuracy is below the champion's by more than this is not activated. */
  @EnvNumber(0, 1)
  MODEL_MAX_ACCURACY_DROP = 0.01;

  /**
   * Training reads its set into the worker's typed arrays: at most this many student-semesters
   * (422 TRAINING_SET_TOO_LARGE above). Kept at the measured-safe 100,000: at 1.8 M rows the worker
   * ran out of its 1.5 GB heap (TRAINING_WORKER_HEAP_MB) in the cross-validation; the largest size
   * that fits is not measured yet.
   */
  @EnvInt(10, 10_000_000)
  TRAINING_MAX_ROWS = 100_000;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates raw environment values; throws a ConfigError naming every invalid setting. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const picked: Record<string, string> = {};
  for (const key of [
    ...known,
    'DATABASE_URL',
    'DATABASE_READ_URL',
    'JWT_SECRET',
    'ADMIN_PASSWORD',
    'METRICS_TOKEN',
    'MODEL_RETRAIN_CRON',
  ]) {
    const value = raw[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(EnvironmentVariables, picked);
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
