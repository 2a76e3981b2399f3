import { type ApiClient, clientAs } from '../factories/records';
import { createTestApp, type TestApp } from './test-app';

/** The app of a test file and an admin's client, set in beforeAll (the file's own database), closed afterAll. */
export interface AdminApp {
  t: TestApp;
  admin: ApiClient;
  /** `POST /api/<domain>/upload/excel` with `file` as the multipart file. */
  upload(domain: string, file: Buffer, name: string): ReturnType<ApiClient['post']>;
}

/** Registers the file's beforeAll/afterAll; read the fields inside tests (they are set by then). */
export function adminApp(env?: Record<string, string>): AdminApp {
  const app = {
    upload: (domain: string, file: Buffer, name: string) => app.admin.post(`/api/${domain}/upload/excel`).attach('file', file, name),
  } as AdminApp;
  beforeAll(async () => {
    app.t = await createTestApp(env);
    app.admin = await clientAs(app.t, 'admin');
  });
  afterAll(async () => {
    await app.t?.close();
  });
  return app;
}
