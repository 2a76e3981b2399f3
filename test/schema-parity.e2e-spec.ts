import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase } from './utils/test-app';

/**
 * The entities are the schema's truth (STYLE.md): on a database the migrations built, TypeORM's
 * schema builder must find nothing to change. Otherwise `npm run migration:generate` would write a
 * migration dropping the constraints the API's 404s and 409s depend on.
 */
describe('Entities describe the migrated schema (e2e)', () => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    dataSource = new DataSource(buildDataSourceOptions({ url: database.url }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });

  it('the schema builder has nothing to do', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
