import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, Min, MinLength, ValidateBy, validateSync } from 'class-validator';
import { GURU_SCOPE_MODES } from '../scope/guru-scope-mode';
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

const bounds = (min: number, max?: number): PropertyDecorator[] => [Min(min), ...(max === undefined ? [] : [Max(max)])];

/** A setting: the class-validator rules its value must pass (in the order they read) and its default. */
interface Setting<T> {
  readonly rules: readonly PropertyDecorator[];
  readonly fallback: T;
}
const setting = <T>(fallback: T, ...rules: PropertyDecorator[]): Setting<T> => ({ fallback, rules });

/** A whole number of at least `min` (and at most `max`). */
const intRules = (min: number, max?: number): PropertyDecorator[] => [Transform(toNumber), IsInt(), ...bounds(min, max)];
const int = (fallback: number, min: number, max?: number): Setting<number> => setting(fallback, ...intRules(min, max));
/** A number (fractions allowed) of at least `min` (and at most `max`). */
const num = (fallback: number, min: number, max?: number): Setting<number> =>
  setting(fallback, Transform(toNumber), IsNumber(), ...bounds(min, max));
/** true/false, 1/0, yes/no, on/off. */
const flag = (fallback: boolean): Setting<boolean> => setting(fallback, Transform(envBoolean), IsBoolean());
const text = (fallback: string, ...rules: PropertyDecorator[]): Setting<string> => setting(fallback, IsString(), ...rules);
const oneOf = <V extends string>(values: readonly V[], fallback: NoInfer<V>): Setting<V> => setting(fallback, IsIn(values));
/** No default: unset means "not configured". */
const optional = <T>(...rules: PropertyDecorator[]): Setting<T | undefined> => setting<T | undefined>(undefined, IsOptional(), ...rules);

/**
 * Every setting the app reads: its rules and its default, one line each. Validated once at boot: an
 * invalid value stops the start with a message naming the setting. Documented in `.env.example` and README.md.
 */
export const SETTINGS = {
  NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
  PORT: int(8000, 0, 65535),

  /** Loopback for `npm start` on a laptop; the Dockerfile and compose set 0.0.0.0. */
  HOST: text('127.0.0.1'),
  DATABASE_URL: optional<string>(IsString()),

  /** A read replica for exports, statistics and training sets; unset: they read the primary. */
  DATABASE_READ_URL: optional<string>(IsString()),
  EMBEDDED_PG_DATA_DIR: text('./data/postgres'),

  /** Unset: the embedded server keeps the port it was first given for its data directory (from 54329 up). */
  EMBEDDED_PG_PORT: optional<number>(...intRules(1, 65535)),
  DB_POOL_MAX: int(10, 1, 200),
  DB_STATEMENT_TIMEOUT_MS: int(15000, 100),
  DB_CONNECT_TIMEOUT_MS: int(10000, 100),
  MIGRATIONS_RUN: flag(true),

  /** API processes on one port (node:cluster); the Dockerfile sets the number of cores. */
  WEB_CONCURRENCY: int(1, 1, 64),
  JWT_SECRET: optional<string>(IsString()),
  JWT_ACCESS_TTL_MINUTES: int(120, 1, 24 * 60),
  JWT_REFRESH_TTL_DAYS: int(14, 1, 365),

  /** Comma-separated origins, or `*`. Empty: same-origin only (no CORS headers). */
  CORS_ORIGINS: text(''),
  ADMIN_USERNAME: text('admin', MinLength(3)),
  ADMIN_PASSWORD: optional<string>(IsString(), MinLength(8)),
  ADMIN_EMAIL: text('admin@edupro.local'),
  SELF_REGISTRATION: flag(false),
  BODY_LIMIT_BYTES: int(1024 * 1024, 1024),
  UPLOAD_LIMIT_BYTES: int(5 * 1024 * 1024, 1024),

  /** Data rows one upload may have (more → 413 naming this setting). */
  UPLOAD_MAX_ROWS: int(100_000, 1),

  /** Bytes the parts of an uploaded .xlsx may inflate to; reading stops the moment this is crossed. */
  UPLOAD_MAX_INFLATED_BYTES: int(100 * 1024 * 1024, 1024),
  UPLOAD_MAX_COLUMNS: int(100, 1),
  UPLOAD_MAX_CELL_CHARS: int(32_767, 1),
  REQUEST_TIMEOUT_MS: int(30000, 100),

  /** What a list without `limit` returns, and the largest explicit `limit` (API.md §1). */
  LIST_MAX_LIMIT: int(10_000, 1, 1_000_000),

  /**
   * Whether to believe X-Forwarded-For (client IPs for the event log and login throttling): `false`
   * (default: a client could otherwise pick its own IP and dodge the per-IP throttle), `true` when the
   * API is reachable only through a reverse proxy, or a comma-separated list of proxy IPs/CIDRs.
   */
  TRUST_PROXY: text('false'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  SCHOOL_TIMEZONE: text('Asia/Jakarta'),
  ATTENDANCE_HIGH_MIN: num(80, 0, 100),
  ATTENDANCE_MEDIUM_MIN: num(75, 0, 100),
  INCOME_HIGH_MIN: num(5_000_000, 0),
  INCOME_MEDIUM_MIN: num(2_300_000, 0),

  /** Early warning: a fall of the rata-rata by at least this many points since the previous semester is a reason. */
  PERINGATAN_TURUN_NILAI: num(5, 0, 100),
  DEMO_DATA: flag(true),
  DEMO_STUDENTS: int(120, 0, 100000),

  /** Failed logins of one username from one address before delays start (OWASP: per pair). */
  LOGIN_FREE_FAILURES: int(5, 1),

  /** The first delay after the free failures; it doubles with each further failure of the pair. */
  LOGIN_DELAY_SECONDS: int(30, 1),
  LOGIN_MAX_DELAY_MINUTES: int(15, 1),

  /** Failures of one username (all addresses) per window beyond which only its failing addresses are held. */
  LOGIN_MAX_FAILURES_PER_USER: int(20, 1),

  /** Failures from one address (all usernames) per window beyond which its failing usernames are held. */
  LOGIN_MAX_FAILURES_PER_IP: int(100, 1),
  LOGIN_WINDOW_MINUTES: int(15, 1),

  /** Expensive routes: requests per user per window (0 = unlimited). */
  RATE_LIMIT_WINDOW_SECONDS: int(60, 1),
  RATE_LIMIT_TRAIN: int(10, 0),
  RATE_LIMIT_BATCH: int(30, 0),
  RATE_LIMIT_EXPORT: int(60, 0),
  RATE_LIMIT_TREE: int(120, 0),
  RATE_LIMIT_UPLOAD: int(60, 0),
  EVENT_RETENTION_DAYS: int(365, 1),

  /** Event rows held while the database is unreachable or slow; beyond this requests get 503. */
  EVENT_BUFFER_MAX_ROWS: int(10_000, 10, 1_000_000),

  /** Deleted records stay restorable this long in the recycle bin (/api/trash), then a daily purge removes them. */
  TRASH_RETENTION_DAYS: int(30, 1, 3650),
  METRICS_TOKEN: optional<string>(IsString()),

  /** What a guru sees and writes: `school` (everything, as before) or `class` (their rombels of the active year; see src/scope). */
  GURU_SCOPE: oneOf(GURU_SCOPE_MODES, 'school'),

  /** The active model is stale when older than this many days (GET /api/prediksi/models/active/status). */
  MODEL_MAX_AGE_DAYS: int(180, 1, 3650),

  /** When set, a champion/challenger retraining runs on this schedule (school time zone); unset = never. */
  MODEL_RETRAIN_CRON: optional<string>(IsCronSubset()),

  /** A challenger whose CV accuracy is below the champion's by more than this is not activated. */
  MODEL_MAX_ACCURACY_DROP: num(0.01, 0, 1),

  /**
   * Training reads its set into the worker's typed arrays: at most this many student-semesters
   * (422 TRAINING_SET_TOO_LARGE above). 2,000,000 covers the district (1.8 M rows) with room: the
   * tree build and the cross-validation keep per-row data in typed arrays (outside the V8 heap) and
   * share one distribution per leaf, so the district's whole build (tree, 10-fold CV, reports) runs in
   * a 384 MB heap (bench/c45-district-train.bench.ts), far inside the training's 1.5 GB over all its
   * threads (src/prediksi/training/heap-budget.ts). What grows with the rows is time.
   */
  TRAINING_MAX_ROWS: int(2_000_000, 10, 10_000_000),
};

/** The validated settings, typed from the table. */
export type EnvironmentVariables = { -readonly [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never };

/** The class class-validator and class-transformer see: a property per setting, decorated with its rules. */
class EnvironmentClass {}
for (const [key, { rules }] of Object.entries(SETTINGS) as Array<[string, Setting<unknown>]>) {
  // TypeScript applies stacked decorators bottom-up; applying the rules in reverse keeps that order.
  for (const rule of [...rules].reverse()) rule(EnvironmentClass.prototype, key);
}
const DEFAULTS = Object.fromEntries(Object.entries(SETTINGS).map(([key, s]) => [key, s.fallback]));

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates raw environment values; throws a ConfigError naming every invalid setting. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(SETTINGS)) {
    const value = raw[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const env = plainToInstance(EnvironmentClass, { ...DEFAULTS, ...picked }) as EnvironmentVariables;
  const errors = validateSync(env, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return env;
}
