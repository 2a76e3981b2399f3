import { findFreePort } from '../../../src/database/embedded-postgres';
import { buildApp, type RunningApp, startApp, waitForOutput } from '../../utils/process';
import { OwnedPostgres } from './pg-server';

export const FAULT_ADMIN_PASSWORD = 'fault-root-password-1';

export interface OwnedStack {
  pg: OwnedPostgres;
  app: RunningApp;
  baseUrl: string;
}

/** The built app as a separate process on a PostgreSQL server this test owns. */
export async function startOwnedStack(env: Record<string, string> = {}): Promise<OwnedStack> {
  buildApp();
  const pg = await OwnedPostgres.create();
  const port = await findFreePort();
  const app = startApp({ DATABASE_URL: pg.url(), PORT: String(port), ADMIN_PASSWORD: FAULT_ADMIN_PASSWORD, DEMO_DATA: 'false', ...env });
  await waitForOutput(app, /listening on/);
  return { pg, app, baseUrl: `http://127.0.0.1:${port}` };
}
