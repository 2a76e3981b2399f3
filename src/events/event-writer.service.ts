import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { eventBufferDepth, eventsDropped } from '../metrics/instruments';
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

const COLUMNS: Array<keyof EventRecord> = [
  'occurred_at', 'request_id', 'category', 'action', 'user_id', 'username', 'role', 'method', 'path',
  'status', 'duration_ms', 'ip', 'user_agent', 'entity_type', 'entity_id', 'changes',
];

export interface EventWriterOptions {
  intervalMs: number;
  batchSize: number;
  maxBuffered: number;
}

export const EVENT_WRITER_OPTIONS = Symbol('EVENT_WRITER_OPTIONS');
export const DEFAULT_EVENT_WRITER_OPTIONS: EventWriterOptions = { intervalMs: 500, batchSize: 200, maxBuffered: 10_000 };

/**
 * Keeps event rows off the request path: requests only push into a buffer, which is written in
 * multi-row INSERTs every interval or as soon as a batch is full. While the database is unreachable
 * the buffer holds (bounded: the oldest rows go first, counted and logged) and the writer retries
 * with backoff. Whatever is left is written on shutdown.
 */
@Injectable()
export class EventWriter implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventWriter.name);
  private buffer: EventRecord[] = [];
  private chain: Promise<void> = Promise.resolve();
  private busy = false;
  private timer?: NodeJS.Timeout;
  private retryAt = 0;
  private backoffMs = 0;
  private droppedUnlogged = 0;
  dropped = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_WRITER_OPTIONS) private readonly options: EventWriterOptions,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (!this.busy && this.buffer.length > 0 && Date.now() >= this.retryAt) void this.flush();
    }, this.options.intervalMs);
    this.timer.unref();
  }

  get pending(): number {
    return this.buffer.length;
  }

  push(record: EventRecord): void {
    this.buffer.push(record);
    this.trim();
    eventBufferDepth.set(this.buffer.length);
    if (this.buffer.length >= this.options.batchSize && !this.busy && Date.now() >= this.retryAt) void this.flush();
  }

  /** Writes everything buffered so far; resolves when done (or when the database refused). */
  flush(): Promise<void> {
    this.chain = this.chain
      .then(() => this.drain())
      .catch((error: unknown) => this.logger.error(`Event writer failed: ${String(error)}`));
    return this.chain;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Rows of requests that finished while the server closed; the pool may be gone by now. */
  async onApplicationShutdown(): Promise<void> {
    await this.flush();
    if (this.buffer.length === 0 || !this.config.database.url) return;
    const client = new Client({ connectionString: this.config.database.url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, this.options.batchSize);
        const { sql, params } = this.insertStatement(batch);
        await client.query(sql, params);
      }
    } catch (error) {
      this.logger.error(`Could not write ${this.buffer.length} event rows at shutdown: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async drain(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    this.busy = true;
    try {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, this.options.batchSize);
        try {
          const { sql, params } = this.insertStatement(batch);
          await this.dataSource.query(sql, params);
          this.backoffMs = 0;
          this.retryAt = 0;
        } catch (error) {
          // Put the batch back in front and wait: the database is probably restarting.
          this.buffer.unshift(...batch);
          this.trim();
          this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 500), 10_000);
          this.retryAt = Date.now() + this.backoffMs;
          this.logger.warn(`Event log write failed (${this.buffer.length} rows buffered, retry in ${this.backoffMs} ms): ${(error as Error).message}`);
          return;
        }
      }
      if (this.droppedUnlogged > 0) {
        this.logger.warn(`${this.droppedUnlogged} event rows were dropped while the database was unreachable (buffer full)`);
        this.droppedUnlogged = 0;
      }
    } finally {
      this.busy = false;
      eventBufferDepth.set(this.buffer.length);
    }
  }

  private trim(): void {
    const excess = this.buffer.length - this.options.maxBuffered;
    if (excess <= 0) return;
    this.buffer.splice(0, excess);
    this.dropped += excess;
    this.droppedUnlogged += excess;
    eventsDropped.inc(excess);
  }

  private insertStatement(batch: EventRecord[]): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const rows = batch.map((record) => {
      const placeholders = COLUMNS.map((column) => {
        const value = record[column];
        params.push(column === 'changes' ? (value === null || value === undefined ? null : JSON.stringify(value)) : value);
        return column === 'changes' ? `$${params.length}::jsonb` : `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    return { sql: `INSERT INTO event_log (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params };
  }
}
