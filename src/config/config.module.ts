import { type DynamicModule, Global, Module } from '@nestjs/common';
import { configureUploadLimits } from '../common/spreadsheet/upload-limits';
import { APP_CONFIG, type AppConfig } from './app-config';

/** Makes the boot-validated configuration injectable everywhere as APP_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    // The record engine reads upload limits from there (its services are built without the config).
    configureUploadLimits(config.upload);
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
