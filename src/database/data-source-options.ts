import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseConnectionSettings {
  url: string;
  poolMax?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  migrationsRun?: boolean;
}

/**
 * The one options object shared by the app (TypeOrmModule) and the TypeORM CLI (ormconfig.ts), so the
 * schema the CLI migrates is exactly the schema the app expects. `synchronize` is never on.
 */
export function buildDataSourceOptions(settings: DatabaseConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'edupro-api',
    extra: {
      max: settings.poolMax ?? 10,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 3000,
      // A slow or stuck query must not hold a pooled connection forever.
      statement_timeout: settings.statementTimeoutMs ?? 15000,
      idle_in_transaction_session_timeout: 60000,
    },
  };
}
