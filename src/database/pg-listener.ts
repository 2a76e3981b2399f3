import { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgListenerOptions {
  url: string;
  channel: string;
  /** Shown in pg_stat_activity (and how a test finds the backend to terminate). */
  applicationName: string;
  onNotification(payload: string): void;
  /**
   * After every successful LISTEN. Notifications sent while no connection listened are lost, so a
   * consumer catches up here (`reconnected` is false for the first subscription).
   */
  onSubscribed?(reconnected: boolean): Promise<void> | void;
  /** When a subscription is lost (before reconnecting): what the consumer knew may now be stale. */
  onLost?(): void;
  reconnectDelayMs?: number;
  connectTimeoutMs?: number;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to other queries and lose the
 * subscription) that comes back by itself: on `error` or `end` the dead client is dropped and, after a
 * delay, a new one connects and subscribes again; a failed attempt is retried the same way.
 */
export class PgListener {
  private readonly logger: Logger;
  private client?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;
  private subscribedOnce = false;

  /** A listener on the app's primary database (DATABASE_URL), with its connect timeout. */
  static onPrimary(database: { url?: string; connectTimeoutMs?: number }, options: Omit<PgListenerOptions, 'url' | 'connectTimeoutMs'>): PgListener {
    return new PgListener({ ...options, url: database.url!, connectTimeoutMs: database.connectTimeoutMs });
  }

  constructor(private readonly options: PgListenerOptions) {
    if (!CHANNEL.test(options.channel)) throw new Error(`Not a plain channel name: ${options.channel}`);
    this.logger = new Logger(`PgListener ${options.channel}`);
  }

  /** Whether a connection is subscribed right now (else notifications may be missed). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /**
   * A round trip on the listening connection: PostgreSQL sends the notifications it holds for this
   * session before a command's ReadyForQuery, and pg emits them before the query resolves, so after
   * this every NOTIFY committed before the call has reached `onNotification`. False when not
   * subscribed (then nothing can be promised).
   */
  async roundTrip(): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    try {
      await client.query('SELECT 1');
      return this.client === client;
    } catch {
      return false;
    }
  }

  /** The first subscription; resolves once it is made or a retry is scheduled (start-up never fails on it). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const { url, channel, applicationName, connectTimeoutMs } = this.options;
    const client = new Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === channel) this.options.onNotification(message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, `connection lost: ${error.message}`));
    client.on('end', () => this.lost(client, 'connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, `could not subscribe: ${(error as Error).message}`);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    const reconnected = this.subscribedOnce;
    this.subscribedOnce = true;
    try {
      await this.options.onSubscribed?.(reconnected);
    } catch (error) {
      this.logger.error(`Catching up after subscribing failed: ${(error as Error).message}`);
    }
  }

  /** Drops a dead client once (error and end both arrive) and schedules the next attempt. */
  private lost(client: Client, reason: string): void {
    client.removeAllListeners();
    // A late error from the dead client must not crash the process.
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer) return;
    if (this.client === client) {
      this.client = undefined;
      this.options.onLost?.();
    } else if (this.client) {
      return;
    }
    this.logger.warn(`LISTEN ${this.options.channel}: ${reason}; retrying`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.options.reconnectDelayMs ?? 1000);
    this.reconnectTimer.unref();
  }
}
