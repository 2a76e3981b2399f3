import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Waits while the client reads more slowly than the database delivers, so memory stays bounded. */
export async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
  // The client went away: stop reading the database instead of writing into the void.
  if (stream.destroyed) throw new Error('Export aborted: the client closed the connection');
}
