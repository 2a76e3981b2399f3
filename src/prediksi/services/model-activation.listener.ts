import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ModelRegistryService } from './model-registry.service';
import { MODEL_ACTIVATED_CHANNEL } from './registry-constants';

const RECONNECT_DELAY_MS = 1000;

/**
 * LISTENs for model activations on a dedicated connection (a pooled one would be handed to other
 * queries and lose the subscription). On a notification the registry reloads the active model; after
 * a lost connection it reconnects and reloads, since notifications sent meanwhile are gone.
 */
@Injectable()
export class ModelActivationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ModelActivationListener.name);
  private client: Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped || !this.config.database.url) return;
    const client = new Client({ connectionString: this.config.database.url, application_name: 'edupro-api-model-listener' });
    client.on('notification', (msg) => {
      if (msg.channel !== MODEL_ACTIVATED_CHANNEL) return;
      this.registry.reload().catch((e: unknown) => this.logger.error(`Reloading the active model failed: ${String(e)}`));
    });
    client.on('error', (e) => this.logger.warn(`Model listener connection error: ${e.message}`));
    client.on('end', () => this.scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${MODEL_ACTIVATED_CHANNEL}`);
      this.client = client;
    } catch (e) {
      this.logger.warn(`Model listener could not connect: ${String(e)}`);
      await client.end().catch(() => undefined);
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(client: Client): void {
    if (this.stopped || this.reconnectTimer || (this.client !== null && this.client !== client)) return;
    this.client = null;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect().then(() => this.registry.reload().catch(() => undefined));
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}
