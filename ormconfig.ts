import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './src/database/data-source-options';

/**
 * The TypeORM CLI's data source (`npm run migration:run`, `migration:generate`, …), built from the same
 * options object as the app. The CLI needs a running server: set DATABASE_URL.
 */
export default new DataSource(
  buildDataSourceOptions({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/edupro' }),
);
