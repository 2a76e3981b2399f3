import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { EventsModule } from './events/events.module';
import { MetricsModule } from './metrics/metrics.module';
import { SchoolRecordsModule } from './common/records/school-records.module';
import { PrediksiModule } from './prediksi/prediksi.module';
import { buildLogDestination, buildPinoHttpOptions } from './common/logging/pino-options';

/** The whole application, built from the boot-validated configuration. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: [buildPinoHttpOptions(config), buildLogDestination(config)] }),
        DatabaseModule,
        HealthModule,
        AuthModule,
        EventsModule,
        MetricsModule,
        SchoolRecordsModule,
        PrediksiModule,
      ],
    };
  }
}
