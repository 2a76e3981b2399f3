import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';
import { buildAppLogger, buildLogDestination, buildRequestLogger } from './pino-options';
import { REQUEST_LOGGER } from './request-log';

/**
 * The app's logger (nestjs-pino's Logger over our pino logger, without its per-request middleware:
 * the request id reaches the lines through the request context) and the request lines' logger, both
 * on one stdout stream.
 */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const stream = buildLogDestination(config);
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: buildAppLogger(config, stream) }, forRoutes: [] })],
      providers: [{ provide: REQUEST_LOGGER, useValue: buildRequestLogger(config, stream) }],
      exports: [REQUEST_LOGGER],
    };
  }
}
