import type { AppConfig } from '../config/app-config';
import { columnArrays, type EventRecord, type EventSink } from './event-storage';
import { EventWriter, type EventWriterOptions } from './event-writer.service';

const record = (action: string, overrides: Partial<EventRecord> = {}): EventRecord => ({
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
  ...overrides,
});

/** A sink that stores rows, refuses rows whose username is `bad` (like PostgreSQL refusing a value), or is down. */
function fakeSink(): { sink: EventSink; stored: EventRecord[]; calls: number[]; down: { on: boolean } } {
  const stored: EventRecord[] = [];
  const calls: number[] = [];
  const down = { on: false };
  const sink: EventSink = {
    insert: async (rows) => {
      calls.push(rows.length);
      if (down.on) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      if (rows.some((r) => r.username === 'bad')) throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
      stored.push(...rows);
    },
    close: async () => undefined,
  };
  return { sink, stored, calls, down };
}

const options = (overrides: Partial<EventWriterOptions> = {}): EventWriterOptions => ({
  intervalMs: 10_000,
  batchSize: 10_000,
  maxBatch: 5000,
  maxBuffered: 1000,
  concurrency: 2,
  shutdownTimeoutMs: 300,
  ...overrides,
});

const config = { database: {} } as AppConfig;

describe('EventWriter', () => {
  it('writes the backlog in one INSERT', async () => {
    const { sink, stored, calls } = fakeSink();
    const writer = new EventWriter(config, options(), sink);
    for (let i = 0; i < 300; i++) writer.push(record(String(i)));
    await writer.flush();
    expect(calls).toEqual([300]);
    expect(stored).toHaveLength(300);
    expect(writer.pending).toBe(0);
    expect(writer.written).toBe(300);
  });

  it('a row the database refuses is dropped alone and counted; the rest of its batch is written', async () => {
    const { sink, stored } = fakeSink();
    const writer = new EventWriter(config, options(), sink);
    for (let i = 0; i < 100; i++) writer.push(record(String(i), i === 37 ? { username: 'bad' } : {}));
    await writer.flush();
    expect(stored).toHaveLength(99);
    expect(stored.map((r) => r.action)).not.toContain('37');
    expect(writer.rejected).toBe(1);
    // The writer is not poisoned: later rows go in.
    writer.push(record('later'));
    await writer.flush();
    expect(stored.map((r) => r.action)).toContain('later');
  });

  it('keeps every row while the database is down, beyond the buffer limit (saturated), and writes them when it returns', async () => {
    const { sink, stored, down } = fakeSink();
    const writer = new EventWriter(config, options({ maxBuffered: 3 }), sink);
    down.on = true;
    for (let i = 0; i < 5; i++) writer.push(record(String(i)));
    await writer.flush();
    expect(writer.pending).toBe(5);
    expect(writer.saturated).toBe(true);
    expect(writer.saturationCause).toMatch(/unreachable since .*ECONNREFUSED/);
    down.on = false;
    await writer.flush();
    expect(stored.map((r) => r.action)).toEqual(['0', '1', '2', '3', '4']);
    expect(writer.saturated).toBe(false);
  });

  it('at shutdown writes what is left, or counts it as lost when the database stays down', async () => {
    const { sink, stored, down } = fakeSink();
    const writer = new EventWriter(config, options(), sink);
    writer.push(record('a'));
    await writer.beforeApplicationShutdown();
    writer.push(record('late'));
    down.on = true;
    await writer.onApplicationShutdown();
    expect(stored.map((r) => r.action)).toEqual(['a']);
    expect(writer.lost).toBe(1);
    expect(writer.written).toBe(1);
  });

  it('stores what a request carried: NUL bytes and lone surrogates become U+FFFD, in text and jsonb', () => {
    const [, , , , , username, , , path, , , , , , , changes] = columnArrays([
      record('x', { username: 'a\u0000b', path: '/p\ud800', changes: { ['k\u0000']: 'v\udc00', list: ['\u0000'] } }),
    ]);
    expect(username).toEqual(['a\uFFFDb']);
    expect(path).toEqual(['/p\uFFFD']);
    expect(JSON.parse(changes![0] as string)).toEqual({ 'k\uFFFD': 'v\uFFFD', list: ['\uFFFD'] });
  });
});
