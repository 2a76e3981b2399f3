import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Called after each written piece of an export: waits while the client reads more slowly than the
 * database delivers, so memory stays bounded, and otherwise still gives the event loop one turn
 * (setImmediate runs after pending I/O), so requests arriving during an export are served between
 * its pieces instead of after it: a fast client never makes the write report backpressure, and
 * without the turn an export ran on from one resolved promise to the next, holding the API thread.
 */
export async function drained(stream: Writable): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
  else await nextTurn();
  // The client went away: stop reading the database instead of writing into the void.
  if (stream.destroyed) throw new Error('Export aborted: the client closed the connection');
}
