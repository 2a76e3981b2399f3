import type { FastifyReply } from 'fastify';

export interface Page<T> {
  rows: T[];
  total: number;
}

/** Lists answer a bare array (the client's shape); the total travels in X-Total-Count. */
export function sendPage<T>(reply: FastifyReply, page: Page<T>): T[] {
  void reply.header('X-Total-Count', String(page.total));
  return page.rows;
}
