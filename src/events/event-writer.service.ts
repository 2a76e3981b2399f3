import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import { isDatabaseUnavailable } from '../common/filters/database-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { eventBufferDepth, eventsBackPressure, eventsLost, eventsWritten } from '../metrics/instruments';
import { type EventRecord, type EventSink, PgEventSink } from './event-storage';

export type { EventRecord } from './event-storage';

export interface EventWriterOptions {
  /** How often a small backlog is written when no batch has filled. */
  intervalMs: number;
  /** A backlog this large is written at once, without waiting for the interval. */
  batchSize: number;
  /** The most rows one INSERT carries (the whole backlog up to this). */
  maxBatch: number;
  /** Rows held while the database is unreachable or slow; beyond this requests get 503 (back-pressure). */
  maxBuffered: number;
  /** INSERTs in flight at once, each on its own connection of the writer's pool. */
  concurrency: number;
  /** How long each shutdown phase (before and after the HTTP server closes) keeps trying to write what is left. */
  shutdownTimeoutMs: number;
}

export const EVENT_WRITER_OPTIONS = Symbol('EVENT_WRITER_OPTIONS');
export const EVENT_SINK = Symbol('EVENT_SINK');
export const DEFAULT_EVENT_WRITER_OPTIONS: EventWriterOptions = {
  intervalMs: 200,
  batchSize: 200,
  maxBatch: 5000,
  maxBuffered: 10_000,
  concurrency: 2,
  // Two phases of at most 5 s each stay inside main.ts's 20 s shutdown limit, with the HTTP close between them.
  shutdownTimeoutMs: 5_000,
};

/** SQLSTATE classes that are about a row's data (22: data exception, 23: integrity): only then is a row at fault. */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Keeps event rows off the request path: requests push into a buffer, written by multi-row INSERTs
 * (one unnest() statement sized to the backlog, several in flight, on the writer's own connections).
 *
 * Nothing is dropped silently. A row the database refuses (a value it cannot store) is isolated by
 * splitting its batch, dropped alone and counted (edupro_events_lost_total{reason="rejected"}); the
 * rest of the batch is written. While the database is unreachable the rows stay buffered and the
 * writer retries with backoff; when the buffer is full, new requests are refused with 503 rather than
 * losing rows (EventRecorder asks `saturated`). At shutdown the writer writes what is left and logs
 * exactly how many rows were written and lost.
 */
@Injectable()
export class EventWriter implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventWriter.name);
  private readonly sink: EventSink;
  private buffer: EventRecord[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightRows = 0;
  private timer?: NodeJS.Timeout;
  private retryAt = 0;
  private backoffMs = 0;
  private unreachableSince?: Date;
  private lastCause?: string;
  private shutdownDeadline = 0;
  private writtenBeforeShutdown?: number;
  /** Rows written since start; rows the database refused; rows lost at shutdown. */
  written = 0;
  rejected = 0;
  lost = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_WRITER_OPTIONS) private readonly options: EventWriterOptions,
    @Optional() @Inject(EVENT_SINK) sink?: EventSink,
  ) {
    this.sink = sink ?? new PgEventSink(config, options.concurrency);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.pump(), this.options.intervalMs);
    this.timer.unref();
  }

  get pending(): number {
    return this.buffer.length + this.inFlightRows;
  }

  /** True while the buffer is full: the recorder then refuses new requests (back-pressure). */
  get saturated(): boolean {
    return this.buffer.length >= this.options.maxBuffered;
  }

  /** Why the buffer is full, for the 503's detail and the log. */
  get saturationCause(): string {
    return this.unreachableSince
      ? `the database has been unreachable since ${this.unreachableSince.toISOString()} (${this.lastCause ?? 'no answer'})`
      : `the database is reachable but writes fall behind (${this.inFlightRows} rows being written)`;
  }

  /** Counts a request refused for back-pressure; logs once per episode, naming the cause. */
  refuse(): void {
    eventsBackPressure.inc();
    this.refusedInEpisode += 1;
    if (this.refusedInEpisode === 1) {
      this.logger.warn(`Event log buffer full (${this.buffer.length} rows): refusing requests with 503 until it drains; ${this.saturationCause}`);
    }
  }

  push(record: EventRecord): void {
    this.buffer.push(record);
    eventBufferDepth.set(this.pending);
    if (this.buffer.length >= this.options.batchSize) this.pump();
  }

  /** Writes everything buffered so far; resolves when done, or when the database refused (rows stay buffered). */
  async flush(): Promise<void> {
    for (;;) {
      const failuresBefore = this.transientFailures;
      this.pump(true);
      if (this.inFlight.size === 0) return;
      await Promise.all([...this.inFlight]);
      if (this.transientFailures !== failuresBefore) return;
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.shutdownDeadline = Date.now() + this.options.shutdownTimeoutMs;
    this.writtenBeforeShutdown = this.written;
    await this.drainUntilDeadline();
  }

  /** Rows of requests that finished while the server closed, then the truth about what was written. */
  async onApplicationShutdown(): Promise<void> {
    // A budget of its own: closing the HTTP server (in-flight requests) may have taken longer than the first.
    this.shutdownDeadline = Date.now() + this.options.shutdownTimeoutMs;
    this.writtenBeforeShutdown ??= this.written;
    await this.drainUntilDeadline();
    const lostNow = this.buffer.length;
    const unknown = this.inFlightRows;
    if (lostNow > 0) {
      this.lost += lostNow;
      eventsLost.inc({ reason: 'shutdown' }, lostNow);
      this.buffer = [];
    }
    const atShutdown = this.written - this.writtenBeforeShutdown;
    const summary =
      `Event log closed: ${atShutdown} rows written while stopping, ${lostNow} lost` +
      (lostNow > 0 ? ` (${this.saturationCause})` : '') +
      (unknown > 0 ? `, ${unknown} still being written when the deadline passed (outcome unknown)` : '') +
      `; since start ${this.written} written, ${this.rejected} rejected by the database, ${this.lost} lost`;
    if (lostNow > 0 || unknown > 0) this.logger.error(summary);
    else this.logger.log(summary);
    if (unknown === 0) await this.sink.close().catch(() => undefined);
  }

  private transientFailures = 0;
  private refusedInEpisode = 0;

  private endRefusalEpisode(): void {
    if (this.refusedInEpisode === 0 || this.saturated) return;
    this.logger.warn(`Event log buffer drained below its limit; ${this.refusedInEpisode} requests were refused with 503 meanwhile (none of their rows lost)`);
    this.refusedInEpisode = 0;
  }

  /** Starts INSERTs while there are rows and free slots; `force` ignores the retry backoff. */
  private pump(force = false): void {
    if (!force && Date.now() < this.retryAt) return;
    while (this.inFlight.size < this.options.concurrency && this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.maxBatch);
      this.inFlightRows += batch.length;
      const write: Promise<void> = this.write(batch).finally(() => {
        this.inFlightRows -= batch.length;
        this.inFlight.delete(write);
        eventBufferDepth.set(this.pending);
        this.endRefusalEpisode();
        if (this.buffer.length >= this.options.batchSize && Date.now() >= this.retryAt) this.pump();
      });
      this.inFlight.add(write);
    }
  }

  private async drainUntilDeadline(): Promise<void> {
    while ((this.buffer.length > 0 || this.inFlight.size > 0) && Date.now() < this.shutdownDeadline) {
      this.pump(true);
      const left = this.shutdownDeadline - Date.now();
      await Promise.race([Promise.all([...this.inFlight]), new Promise((r) => setTimeout(r, Math.max(left, 0)).unref())]);
      // The database refused for now: wait a little before the next attempt, within the deadline.
      if (this.buffer.length > 0 && this.inFlight.size === 0) await new Promise((r) => setTimeout(r, Math.min(250, Math.max(left, 0))));
    }
  }

  private async write(batch: EventRecord[]): Promise<void> {
    try {
      await this.sink.insert(batch);
      this.wrote(batch.length);
    } catch (error) {
      if (!isRowError(error)) {
        this.retryLater(batch, error);
        return;
      }
      await this.isolate(batch, error);
    }
  }

  /** Halves a refused batch until the refused rows stand alone; writes every other row. */
  private async isolate(batch: EventRecord[], error: unknown): Promise<void> {
    if (batch.length === 1) {
      this.rejected += 1;
      eventsLost.inc({ reason: 'rejected' });
      const row = batch[0]!;
      this.logger.warn(`Event row dropped, the database refused it (${row.method} ${row.path}, request ${row.request_id ?? '-'}): ${errorText(error)}`);
      return;
    }
    const middle = Math.ceil(batch.length / 2);
    // Each half is written as a batch of its own: kept, retried later, or halved again.
    for (const half of [batch.slice(0, middle), batch.slice(middle)]) await this.write(half);
  }

  private wrote(count: number): void {
    this.written += count;
    eventsWritten.inc(count);
    if (this.unreachableSince) {
      this.logger.log(`Event log writes resumed after an outage since ${this.unreachableSince.toISOString()} (${this.buffer.length} rows buffered)`);
    }
    this.unreachableSince = undefined;
    this.backoffMs = 0;
    this.retryAt = 0;
  }

  /** The database is unreachable (or failing for a reason no row causes): keep the rows, retry with backoff. */
  private retryLater(batch: EventRecord[], error: unknown): void {
    this.transientFailures += 1;
    this.buffer.unshift(...batch);
    this.lastCause = errorText(error);
    const first = !this.unreachableSince;
    if (first) this.unreachableSince = new Date();
    this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 250), 5000);
    this.retryAt = Date.now() + this.backoffMs;
    if (first || this.backoffMs === 5000) {
      const kind = isDatabaseUnavailable(error) ? 'database unreachable' : 'write failed';
      this.logger.warn(`Event log ${kind}: ${this.buffer.length} rows buffered, retry in ${this.backoffMs} ms: ${this.lastCause}`);
    }
  }
}
