import { Client } from 'pg';

/** Drops the template (and any per-file database left behind by a crashed file), stops the embedded server. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__EDUPRO_TEST_DB__;
  if (!state) return;
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  try {
    const prefix = state.template.replace('edupro_test_tpl_', 'edupro_test_');
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [state.template, `${prefix}_f%`],
    );
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await state.stop?.();
}
