import { ConfigError, validateEnvironment } from './env.schema';
import type { GuruScopeMode } from '../scope/guru-scope-mode';

/** Placeholders that appear in examples and tutorials; never acceptable as a production secret. */
const PLACEHOLDER_SECRETS = new Set([
  'secret',
  'changeme',
  'change-me',
  'your-secret-key',
  'your_jwt_secret',
  'jwt_secret',
  'change-this-to-a-long-random-string-of-at-least-32-bytes',
  'supersecret',
]);

export interface CategoryThresholds {
  attendanceHighMin: number;
  attendanceMediumMin: number;
  incomeHighMin: number;
  incomeMediumMin: number;
}

/** The typed configuration every module receives (injection token APP_CONFIG). */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** API processes (WEB_CONCURRENCY): more than one runs a node:cluster primary (src/cluster.ts). */
  workers: number;
  database: {
    url?: string;
    /** A read replica for exports, statistics and training sets (src/database/read-database.ts). */
    readUrl?: string;
    embeddedDataDir: string;
    /** Undefined: chosen and remembered per data directory (embedded-postgres.ts). */
    embeddedPort?: number;
    poolMax: number;
    statementTimeoutMs: number;
    connectTimeoutMs: number;
    migrationsRun: boolean;
  };
  auth: {
    jwtSecret?: string;
    accessTtlMinutes: number;
    refreshTtlDays: number;
    selfRegistration: boolean;
    adminUsername: string;
    adminPassword?: string;
    adminEmail: string;
    loginFreeFailures: number;
    loginDelaySeconds: number;
    loginMaxDelayMinutes: number;
    loginMaxFailuresPerUser: number;
    loginMaxFailuresPerIp: number;
    loginWindowMinutes: number;
  };
  /** Per-user limits of the expensive routes (`@RateLimited(bucket)`); 0 = unlimited. */
  rateLimits: { windowSeconds: number; perUser: Record<RateLimitBucket, number> };
  http: {
    corsOrigins: string[] | '*' | false;
    bodyLimitBytes: number;
    uploadLimitBytes: number;
    requestTimeoutMs: number;
    listMaxLimit: number;
    trustProxy: boolean | string[];
  };
  /** What one upload may cost (UPLOAD_MAX_*): crossing any of these is 413 naming the setting. */
  upload: { maxRows: number; maxInflatedBytes: number; maxColumns: number; maxCellChars: number };
  logLevel: string;
  schoolTimezone: string;
  thresholds: CategoryThresholds;
  /** Early warning (PERINGATAN_*). */
  peringatan: { turunNilai: number };
  demo: { enabled: boolean; students: number };
  events: { retentionDays: number; bufferMaxRows: number };
  trash: { retentionDays: number };
  metricsToken?: string;
  /** GURU_SCOPE: whether a guru sees the whole school or only their classes (src/scope/teacher-scope.ts). */
  guruScope: GuruScopeMode;
  /** TRAINING_MAX_ROWS: the largest training set the worker reads (2,000,000: the district's 1.8 M rows fit the worker's 1.5 GB heap). */
  trainingMaxRows: number;
  /** Staleness and champion/challenger retraining of the prediction model. */
  model: { maxAgeDays: number; retrainCron: string | null; maxAccuracyDrop: number };
}

/** The expensive routes' rate-limit buckets: training, batch prediction, exports, tree images, uploads. */
export const RATE_LIMIT_BUCKETS = ['train', 'batch', 'export', 'tree', 'upload'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

export const APP_CONFIG = Symbol('APP_CONFIG');

function parseCors(value: string): string[] | '*' | false {
  const trimmed = value.trim();
  if (trimmed === '') return false;
  if (trimmed === '*') return '*';
  return trimmed
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

function parseTrustProxy(value: string): boolean | string[] {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  return value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

function assertTimezone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new ConfigError(`Invalid configuration:\n  SCHOOL_TIMEZONE=${JSON.stringify(tz)}: not an IANA time zone`);
  }
}

/** Reads, validates and types the configuration. Throws ConfigError naming the offending setting. */
export function loadConfig(raw: Record<string, string | undefined> = process.env): AppConfig {
  const e = validateEnvironment(raw);
  assertTimezone(e.SCHOOL_TIMEZONE);
  if (e.ATTENDANCE_MEDIUM_MIN > e.ATTENDANCE_HIGH_MIN) {
    throw new ConfigError('Invalid configuration:\n  ATTENDANCE_MEDIUM_MIN must not exceed ATTENDANCE_HIGH_MIN');
  }
  if (e.INCOME_MEDIUM_MIN > e.INCOME_HIGH_MIN) {
    throw new ConfigError('Invalid configuration:\n  INCOME_MEDIUM_MIN must not exceed INCOME_HIGH_MIN');
  }
  if (e.NODE_ENV === 'production') {
    const secret = e.JWT_SECRET ?? '';
    if (secret === '') throw new ConfigError('Invalid configuration:\n  JWT_SECRET is required in production');
    if (Buffer.byteLength(secret, 'utf8') < 32) {
      throw new ConfigError('Invalid configuration:\n  JWT_SECRET must be at least 32 bytes in production');
    }
    if (PLACEHOLDER_SECRETS.has(secret.toLowerCase())) {
      throw new ConfigError('Invalid configuration:\n  JWT_SECRET is a known placeholder; generate a random one');
    }
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    workers: e.WEB_CONCURRENCY,
    database: {
      url: e.DATABASE_URL,
      readUrl: e.DATABASE_READ_URL,
      embeddedDataDir: e.EMBEDDED_PG_DATA_DIR,
      embeddedPort: e.EMBEDDED_PG_PORT,
      poolMax: e.DB_POOL_MAX,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      migrationsRun: e.MIGRATIONS_RUN,
    },
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTtlMinutes: e.JWT_ACCESS_TTL_MINUTES,
      refreshTtlDays: e.JWT_REFRESH_TTL_DAYS,
      selfRegistration: e.SELF_REGISTRATION,
      adminUsername: e.ADMIN_USERNAME,
      adminPassword: e.ADMIN_PASSWORD,
      adminEmail: e.ADMIN_EMAIL,
      loginFreeFailures: e.LOGIN_FREE_FAILURES,
      loginDelaySeconds: e.LOGIN_DELAY_SECONDS,
      loginMaxDelayMinutes: e.LOGIN_MAX_DELAY_MINUTES,
      loginMaxFailuresPerUser: e.LOGIN_MAX_FAILURES_PER_USER,
      loginMaxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
      loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    },
    rateLimits: {
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      perUser: {
        train: e.RATE_LIMIT_TRAIN,
        batch: e.RATE_LIMIT_BATCH,
        export: e.RATE_LIMIT_EXPORT,
        tree: e.RATE_LIMIT_TREE,
        upload: e.RATE_LIMIT_UPLOAD,
      },
    },
    http: {
      corsOrigins: parseCors(e.CORS_ORIGINS),
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      listMaxLimit: e.LIST_MAX_LIMIT,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
    upload: {
      maxRows: e.UPLOAD_MAX_ROWS,
      maxInflatedBytes: e.UPLOAD_MAX_INFLATED_BYTES,
      maxColumns: e.UPLOAD_MAX_COLUMNS,
      maxCellChars: e.UPLOAD_MAX_CELL_CHARS,
    },
    logLevel: e.LOG_LEVEL,
    schoolTimezone: e.SCHOOL_TIMEZONE,
    thresholds: {
      attendanceHighMin: e.ATTENDANCE_HIGH_MIN,
      attendanceMediumMin: e.ATTENDANCE_MEDIUM_MIN,
      incomeHighMin: e.INCOME_HIGH_MIN,
      incomeMediumMin: e.INCOME_MEDIUM_MIN,
    },
    peringatan: { turunNilai: e.PERINGATAN_TURUN_NILAI },
    demo: { enabled: e.DEMO_DATA, students: e.DEMO_STUDENTS },
    events: { retentionDays: e.EVENT_RETENTION_DAYS, bufferMaxRows: e.EVENT_BUFFER_MAX_ROWS },
    trash: { retentionDays: e.TRASH_RETENTION_DAYS },
    metricsToken: e.METRICS_TOKEN,
    guruScope: e.GURU_SCOPE,
    trainingMaxRows: e.TRAINING_MAX_ROWS,
    model: { maxAgeDays: e.MODEL_MAX_AGE_DAYS, retrainCron: e.MODEL_RETRAIN_CRON ?? null, maxAccuracyDrop: e.MODEL_MAX_ACCURACY_DROP },
  };
}
