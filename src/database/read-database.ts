import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/**
 * Where the heavy reads go — exports, feature statistics, the training set: a second TypeORM
 * DataSource with its own pool on DATABASE_READ_URL (a PostgreSQL read replica) when it is set, the
 * primary otherwise. The one place deciding it; everything else writes and reads on the primary, so a
 * replica's lag never shows in a response to a write.
 */
@Injectable()
export class ReadDatabase implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadDatabase.name);
  private replica?: DataSource;

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Opens the replica's pool (called once by the provider factory, before anything reads). */
  async connect(): Promise<void> {
    const url = this.config.database.readUrl;
    if (!url) return;
    const db = this.config.database;
    this.replica = new DataSource(buildDataSourceOptions({ url, poolMax: db.poolMax, statementTimeoutMs: db.statementTimeoutMs, connectTimeoutMs: db.connectTimeoutMs }));
    await this.replica.initialize();
    this.logger.log('Exports, statistics and training sets read from DATABASE_READ_URL');
  }

  get dataSource(): DataSource {
    return this.replica ?? this.primary;
  }

  /** Whether heavy reads go to a separate database (which may lag the primary's writes). */
  get separate(): boolean {
    return this.replica !== undefined;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy();
  }
}

/** The provider: the replica's pool is open before the first export or statistics request. */
export const READ_DATABASE_PROVIDER = {
  provide: ReadDatabase,
  inject: [DataSource, APP_CONFIG],
  useFactory: async (primary: DataSource, config: AppConfig): Promise<ReadDatabase> => {
    const read = new ReadDatabase(primary, config);
    await read.connect();
    return read;
  },
};
