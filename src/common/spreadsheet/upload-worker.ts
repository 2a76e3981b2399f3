import { parentPort, workerData } from 'node:worker_threads';
import type { ImportColumn } from './sheet-columns';
import type { UploadLimits } from './upload-limits';
import type { MessageParams } from '../../i18n/catalogue';
import { parseUpload } from './upload-parse';
import { UploadProblem } from './upload-problem';

export interface UploadWorkerData {
  filename: string;
  buffer: Uint8Array;
  columns: ImportColumn[];
  limits: UploadLimits;
}

/** Worker → API thread, one answer per `next` request. */
export type UploadWorkerReply =
  | { type: 'chunk'; chunk: import('./upload-parse').UploadChunk }
  | { type: 'done' }
  | { type: 'problem'; status: number; code: string; params: MessageParams; extra: Record<string, unknown> }
  | { type: 'failed'; message: string };

/**
 * Reads one upload in a worker thread: the parsing (unzip, XML, CSV) costs the API thread nothing,
 * and its memory is this isolate's, capped by resourceLimits and returned when the worker exits.
 * One batch ahead: while the API thread validates and writes a batch, the next one is being read, so
 * reading and validating overlap; at most one read batch waits here, so batches never pile up.
 */
const data = workerData as UploadWorkerData;
const chunks = parseUpload({ filename: data.filename, buffer: Buffer.from(data.buffer) }, data.columns, data.limits);

function readNext(): Promise<UploadWorkerReply> {
  return chunks.next().then(
    (next): UploadWorkerReply => (next.done ? { type: 'done' } : { type: 'chunk', chunk: next.value }),
    (error: unknown): UploadWorkerReply =>
      error instanceof UploadProblem
        ? { type: 'problem', status: error.status, code: error.code, params: error.params, extra: error.extra }
        : { type: 'failed', message: error instanceof Error ? error.message : String(error) },
  );
}

let ahead = readNext();
parentPort?.on('message', () => {
  const answer = ahead;
  // The next batch is read as soon as this one is handed over; after the end or a problem, nothing more.
  ahead = answer.then((reply) => (reply.type === 'chunk' ? readNext() : reply));
  void answer.then((reply) => parentPort?.postMessage(reply));
});
