import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../../src/database/embedded-postgres';

/** A PostgreSQL server owned by one fault test, which it can stop and start again. */
export class OwnedPostgres {
  private child?: ChildProcess;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<OwnedPostgres> {
    const parent = mkdtempSync(join(tmpdir(), 'edupro-fault-pg-'));
    chmodSync(parent, 0o755);
    const server = new OwnedPostgres(join(parent, 'data'), await findFreePort());
    await server.start();
    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE edupro');
    await admin.end();
    return server;
  }

  url(database = 'edupro'): string {
    return `postgres://postgres:edupro@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const script = resolve(__dirname, 'embedded-pg-server.mjs');
    const child = spawn(process.execPath, [script, this.dataDir, String(this.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let out = '';
    await new Promise<void>((res, rej) => {
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('READY')) res();
      });
      child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => rej(new Error(`PostgreSQL exited (${code}) before ready: ${out}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((res) => {
      child.on('exit', () => res());
      child.kill('SIGTERM');
    });
    this.child = undefined;
  }
}

/** The number a one-row, one-column query `… AS n` answers on `url` (counts in fault tests). */
export async function queryNumber(url: string, sql: string): Promise<number> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  } finally {
    await db.end();
  }
}
