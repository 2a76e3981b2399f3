import type { Response } from 'supertest';

/** A supertest parser that keeps a binary body (an .xlsx or a CSV with a BOM) as one Buffer. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}
