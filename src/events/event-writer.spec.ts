import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { EventWriter, type EventRecord } from './event-writer.service';

const record = (action: string): EventRecord => ({
  occurred_at: new Date(),
  request_id: null,
  category: 'SYSTEM',
  action,
  user_id: null,
  username: null,
  role: null,
  method: 'GET',
  path: '/x',
  status: 200,
  duration_ms: 1,
  ip: null,
  user_agent: null,
  entity_type: null,
  entity_id: null,
  changes: { after: { a: 1 } },
});

function fakeDataSource(): { ds: DataSource; calls: Array<{ sql: string; params: unknown[] }>; failing: { on: boolean } } {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const failing = { on: false };
  const ds = {
    isInitialized: true,
    query: async (sql: string, params: unknown[]) => {
      if (failing.on) throw new Error('connection refused');
      calls.push({ sql, params });
      return [];
    },
  } as unknown as DataSource;
  return { ds, calls, failing };
}

describe('EventWriter', () => {
  const config = { database: {} } as AppConfig;

  it('writes a batch as one multi-row INSERT', async () => {
    const { ds, calls } = fakeDataSource();
    const writer = new EventWriter(ds, config, { intervalMs: 10_000, batchSize: 100, maxBuffered: 1000 });
    writer.push(record('a'));
    writer.push(record('b'));
    await writer.flush();
    expect(calls).toHaveLength(1);
    expect(calls[0].sql).toMatch(/^INSERT INTO event_log .* VALUES \(.*\), \(.*\)$/s);
    expect(calls[0].params).toContain('{"after":{"a":1}}');
    expect(writer.pending).toBe(0);
  });

  it('keeps the buffer while the database is down, bounded, dropping the oldest', async () => {
    const { ds, calls, failing } = fakeDataSource();
    const writer = new EventWriter(ds, config, { intervalMs: 10_000, batchSize: 2, maxBuffered: 3 });
    failing.on = true;
    writer.push(record('1'));
    await writer.flush();
    writer.push(record('2'));
    writer.push(record('3'));
    writer.push(record('4'));
    await writer.flush();
    expect(writer.pending).toBe(3);
    expect(writer.dropped).toBe(1);
    failing.on = false;
    await writer.flush();
    expect(writer.pending).toBe(0);
    const actions = calls.flatMap((c) => c.params.filter((p) => typeof p === 'string' && /^[0-9]$/.test(p)));
    expect(actions).toEqual(['2', '3', '4']);
  });
});
