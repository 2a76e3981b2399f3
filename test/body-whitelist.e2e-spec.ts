import { ValidationPipe } from '@nestjs/common';
import request from 'supertest';
import { bearer, tokenFor } from './utils/auth';
import { enumerateRoutes, type RouteInfo } from './utils/routes';
import { createTestApp, type TestApp } from './utils/test-app';

/** A key no DTO declares: every body must reach its handler without it. */
const PROBE = '__unknown_probe__';

/** Thrown once a probed body has been validated, so no handler runs (no training, no logout, no write). */
class ProbeValidated extends Error {}

type Validate = (object: object, options: unknown) => Promise<unknown[]>;
const pipePrototype = ValidationPipe.prototype as unknown as { validate: Validate };

/**
 * Every route that takes a body validates it against a DTO with the whitelist on, whatever way the
 * route declares it (`@Body() dto: Dto` through the global pipe, `@ValidBody(Dto)` on the shared
 * record routes). Seen from inside the real pipeline: ValidationPipe#validate is watched, and the
 * object it validated for the probe body must have lost the unknown key (class-validator strips it
 * in place), valid or not. A route whose body no pipe validates never shows up, and fails.
 */
describe('Every body is whitelisted (e2e)', () => {
  let t: TestApp;
  let bodyRoutes: RouteInfo[];
  /** For the request in flight: did a pipe validate the probe body, and did the probe key survive it? */
  let seen: { validated: boolean; kept: boolean };
  let restore: () => void;

  beforeAll(async () => {
    t = await createTestApp();
    bodyRoutes = enumerateRoutes(t).filter((r) => r.takesBody);
    const original = pipePrototype.validate;
    pipePrototype.validate = async function (this: ValidationPipe, object: object, options: unknown): Promise<unknown[]> {
      const probed = PROBE in object;
      const errors = await original.call(this, object, options);
      if (!probed) return errors;
      seen = { validated: true, kept: PROBE in object };
      throw new ProbeValidated();
    };
    restore = () => {
      pipePrototype.validate = original;
    };
  });
  afterAll(async () => {
    restore();
    await t.close();
  });

  it('finds the body routes of every module (sanity check of the enumeration)', () => {
    const keys = bodyRoutes.map((r) => `${r.method} ${r.path}`);
    expect(keys).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'POST /api/siswa', 'PUT /api/nilai/:id', 'PATCH /api/prestasi/:id', 'POST /api/prediksi/train']),
    );
  });

  it('strips unknown keys from the body of every route', async () => {
    const failures: string[] = [];
    for (const route of bodyRoutes) {
      seen = { validated: false, kept: false };
      const path = route.path.replace(/:[A-Za-z_]+/g, '1');
      const call = request(t.baseUrl)[route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](path);
      if (!route.isPublic) void call.set(bearer(await tokenFor(t, route.roles![0])));
      const res = await call.send({ [PROBE]: 'x' });
      if (!seen.validated) failures.push(`${route.method} ${route.path} (${route.handler}): body not validated (HTTP ${res.status})`);
      else if (seen.kept) failures.push(`${route.method} ${route.path} (${route.handler}): unknown key kept`);
    }
    expect(failures).toEqual([]);
  });
});
