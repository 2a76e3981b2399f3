/**
 * The stack's ceiling for `GET /siswa/{id}` on this machine: plain Fastify + `pg`, HS256 verified with
 * node:crypto (the same tokens the app issues), one prepared statement, a response schema, no Nest, no
 * logging, no event log, no metrics. `npm run bench` runs it beside the built app on the same database
 * and reports app ÷ reference.
 *
 * Run alone: `DATABASE_URL=… JWT_SECRET=… PORT=8100 npx tsx bench/reference-server.ts` (prints
 * "listening on <port>" once ready).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';

const JENIS_KELAMIN_LABEL: Record<string, string> = { L: 'Laki-laki', P: 'Perempuan' };

/** HS256 only, exp required: the same refusals as the app's TokenService, without a JWT library. */
export function verifyHs256(token: string, key: Buffer): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts as [string, string, string];
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string };
  if (header.alg !== 'HS256') return undefined;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now() || claims.typ !== 'access') return undefined;
  return claims;
}

const SISWA_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    nis: { type: 'string' },
    nama: { type: 'string' },
    kelas: { type: 'string' },
    jenis_kelamin: { type: 'string' },
    jenis_kelamin_kode: { type: 'string' },
    tanggal_lahir: { type: 'string' },
    alamat: { type: ['string', 'null'] },
    status: { type: 'string' },
    nisn: { type: ['string', 'null'] },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
  },
} as const;

interface SiswaRow {
  id: number;
  nis: string;
  nama: string;
  kelas: string;
  jenis_kelamin: string;
  tanggal_lahir: string;
  alamat: string | null;
  status: string;
  nisn: string | null;
  created_at: Date;
  updated_at: Date;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const secret = process.env.JWT_SECRET;
  if (!url || !secret) throw new Error('DATABASE_URL and JWT_SECRET are required');
  const key = Buffer.from(secret, 'utf8');
  const pool = new Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/api/siswa/:id', { schema: { response: { 200: SISWA_SCHEMA } } }, async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const claims = match ? verifyHs256(match[1]!, key) : undefined;
    if (!claims) return reply.code(401).send({ detail: 'unauthenticated' });
    const id = Number(request.params.id);
    if (!Number.isInteger(id) || id <= 0) return reply.code(400).send({ detail: 'bad id' });
    const { rows } = await pool.query<SiswaRow>({
      name: 'reference_siswa_by_id',
      text: `SELECT id, nis, nama, kelas, jenis_kelamin, tanggal_lahir::text AS tanggal_lahir, alamat, status, nisn, created_at, updated_at
                 FROM siswa WHERE id = $1`,
      values: [id],
    });
    const row = rows[0];
    if (!row) return reply.code(404).send({ detail: 'not found' });
    return {
      ...row,
      jenis_kelamin: JENIS_KELAMIN_LABEL[row.jenis_kelamin],
      jenis_kelamin_kode: row.jenis_kelamin,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
    };
  });
  const shutdown = (): void => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  const port = Number(process.env.PORT ?? 8100);
  await app.listen({ port, host: '127.0.0.1' });
  process.stdout.write(`listening on ${port}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`reference server failed: ${String(error)}\n`);
    process.exit(1);
  });
}
