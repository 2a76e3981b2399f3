import { Pool } from 'pg';
import { toStorableText } from '../common/http/request-text';
import type { AppConfig } from '../config/app-config';
import type { EventCategory } from './event-log.entity';

/** A row of event_log before insertion (snake_case, as the table). */
export interface EventRecord {
  occurred_at: Date;
  request_id: string | null;
  category: EventCategory;
  action: string;
  user_id: number | null;
  username: string | null;
  role: string | null;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  ip: string | null;
  user_agent: string | null;
  entity_type: string | null;
  entity_id: string | null;
  changes: unknown;
}

/** Where the writer puts its batches: PostgreSQL in the app, a fake in unit tests. */
export interface EventSink {
  insert(rows: EventRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** Each column with its array type for unnest(): one statement, whatever the batch size. */
const COLUMNS: Array<[keyof EventRecord, string]> = [
  ['occurred_at', 'timestamptz'],
  ['request_id', 'varchar'],
  ['category', 'varchar'],
  ['action', 'varchar'],
  ['user_id', 'int4'],
  ['username', 'varchar'],
  ['role', 'varchar'],
  ['method', 'varchar'],
  ['path', 'varchar'],
  ['status', 'int2'],
  ['duration_ms', 'float4'],
  ['ip', 'varchar'],
  ['user_agent', 'varchar'],
  ['entity_type', 'varchar'],
  ['entity_id', 'varchar'],
  ['changes', 'jsonb'],
];

export const INSERT_EVENTS_SQL = `INSERT INTO event_log (${COLUMNS.map(([c]) => c).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;

/**
 * A deep copy whose every string (keys too) PostgreSQL accepts: NUL and unpaired surrogates become
 * U+FFFD. The edge refuses such text in requests, but a row must never fail for what a request carried
 * (a header, a path, a value a service recorded), so the writer cleans whatever it is given.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return toStorableText(value) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => storable(v)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[toStorableText(key)] = storable(v);
  return out as T;
}

/** The batch as one array per column (the parameters of INSERT_EVENTS_SQL). */
export function columnArrays(rows: EventRecord[]): unknown[][] {
  return COLUMNS.map(([column]) =>
    rows.map((row) => {
      const value = storable(row[column]);
      if (column === 'changes') return value === null || value === undefined ? null : JSON.stringify(value);
      return value ?? null;
    }),
  );
}

/**
 * The event writer's own small pool, separate from the request pool: under load the writer never
 * queues behind requests for a connection (it used to, and fell behind), and at shutdown it outlives
 * the app's pool so the last rows can still be written.
 */
export class PgEventSink implements EventSink {
  private readonly pool: Pool;

  constructor(config: AppConfig, connections: number) {
    this.pool = new Pool({
      connectionString: config.database.url,
      max: connections,
      connectionTimeoutMillis: config.database.connectTimeoutMs,
      statement_timeout: config.database.statementTimeoutMs,
      application_name: 'edupro-api events',
    });
    // An idle connection dropped by the server must not crash the process; the next insert reconnects.
    this.pool.on('error', () => undefined);
  }

  async insert(rows: EventRecord[]): Promise<void> {
    await this.pool.query({ name: 'edupro_insert_events', text: INSERT_EVENTS_SQL, values: columnArrays(rows) });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
