import { Client } from 'pg';
import { EventWriter } from '../../src/events/event-writer.service';
import type { TestApp } from './test-app';

export interface EventRow {
  id: string;
  category: string;
  action: string;
  user_id: number | null;
  username: string | null;
  role: string | null;
  method: string;
  path: string;
  status: number;
  ip: string | null;
  request_id: string | null;
  entity_type: string | null;
  entity_id: string | null;
  changes: Record<string, unknown> | null;
}

export async function queryDb<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The event rows of a request id, once written. The row is handed to the writer after the response
 * has been sent, so poll briefly (flushing each time) instead of assuming it is already there.
 */
export async function eventsOf(t: TestApp, requestId: string, timeoutMs = 3000): Promise<EventRow[]> {
  const writer = t.app.get(EventWriter);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await writer.flush();
    const rows = await queryDb<EventRow>(t, 'SELECT * FROM event_log WHERE request_id = $1 ORDER BY id', [requestId]);
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
}
