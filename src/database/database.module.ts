import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { READ_DATABASE_PROVIDER, ReadDatabase } from './read-database';

/**
 * The TypeORM connection, from the same options object as the migration CLI (ormconfig.ts), and the
 * read database (DATABASE_READ_URL, or the same connection) for exports and statistics.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.database.url) throw new Error('DATABASE_URL was not resolved before the app module was built');
        return {
          ...buildDataSourceOptions({
            url: config.database.url,
            poolMax: config.database.poolMax,
            statementTimeoutMs: config.database.statementTimeoutMs,
            connectTimeoutMs: config.database.connectTimeoutMs,
          }),
          // Run pending migrations at start-up when configured (MIGRATIONS_RUN, default on).
          migrationsRun: config.database.migrationsRun,
          retryAttempts: 3,
          retryDelay: 1000,
        };
      },
    }),
  ],
  providers: [READ_DATABASE_PROVIDER],
  exports: [ReadDatabase],
})
export class DatabaseModule {}
