import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PgListener } from '../../database/pg-listener';
import { ModelRegistryService } from './model-registry.service';
import { MODEL_ACTIVATED_CHANNEL } from './registry-constants';

/**
 * On a model-activation NOTIFY the registry reloads the active model; after a lost connection too
 * (PgListener reconnects), since activations announced meanwhile are gone.
 */
@Injectable()
export class ModelActivationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ModelActivationListener.name);
  private readonly listener: PgListener;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly registry: ModelRegistryService,
  ) {
    this.listener = PgListener.onPrimary(config.database, {
      channel: MODEL_ACTIVATED_CHANNEL,
      applicationName: 'edupro-api-model-listener',
      onNotification: () => this.reload(),
      onSubscribed: (reconnected) => {
        if (reconnected) this.reload();
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  private reload(): void {
    this.registry.reload().catch((e: unknown) => this.logger.error(`Reloading the active model failed: ${String(e)}`));
  }
}
