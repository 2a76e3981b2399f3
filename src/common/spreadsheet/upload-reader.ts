import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainException } from '../http/problem';
import type { ErrorCode } from '../../i18n/catalogue';
import type { ImportColumn } from './sheet-columns';
import type { UploadLimits } from './upload-limits';
import { parseUpload, type UploadChunk, type UploadSource } from './upload-parse';
import { tooComplex, UploadProblem } from './upload-problem';
import type { UploadWorkerData, UploadWorkerReply } from './upload-worker';

const WORKER_FILE = join(__dirname, 'upload-worker.js');

/**
 * The reader's own heap. Enough for a 100,000-row workbook's shared strings; a hostile file that
 * needs more ends the worker (413), never the API, whose heap is capped at 256 MB in production.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 };

/** Readers at once per process: each may use WORKER_LIMITS of memory; more uploads wait their turn. */
const MAX_READERS = 2;
let readers = 0;
const queue: Array<() => void> = [];

async function acquireReader(): Promise<() => void> {
  if (readers >= MAX_READERS) await new Promise<void>((resolve) => queue.push(resolve));
  else readers += 1;
  // The slot passes straight to the next waiter (the count stays), or is given back.
  return () => {
    const next = queue.shift();
    if (next) next();
    else readers -= 1;
  };
}

function toDomain(problem: UploadProblem): DomainException {
  return new DomainException(problem.status, problem.code as ErrorCode, problem.params, problem.extra);
}

/**
 * An upload's header and row batches, read in a worker thread when running the compiled app. From
 * TypeScript sources (jest) a worker cannot load the .ts file, so it is read on this thread there,
 * which is still a stream that yields between parts; the fault tests cover the worker.
 */
export async function* readUpload(file: UploadSource, columns: readonly ImportColumn[], limits: UploadLimits): AsyncGenerator<UploadChunk> {
  if (!existsSync(WORKER_FILE)) {
    try {
      yield* parseUpload(file, columns, limits);
    } catch (error) {
      throw error instanceof UploadProblem ? toDomain(error) : error;
    }
    return;
  }
  yield* fromWorker(file, columns, limits);
}

async function* fromWorker(file: UploadSource, columns: readonly ImportColumn[], limits: UploadLimits): AsyncGenerator<UploadChunk> {
  const release = await acquireReader();
  try {
    yield* inWorker(file, columns, limits);
  } finally {
    release();
  }
}

async function* inWorker(file: UploadSource, columns: readonly ImportColumn[], limits: UploadLimits): AsyncGenerator<UploadChunk> {
  const workerData: UploadWorkerData = { filename: file.filename, buffer: file.buffer, columns: [...columns], limits };
  const worker = new Worker(WORKER_FILE, { workerData, resourceLimits: WORKER_LIMITS });
  let failure: Error | undefined;
  let waiting: ((reply: UploadWorkerReply | undefined) => void) | undefined;
  worker.on('message', (reply: UploadWorkerReply) => waiting?.(reply));
  worker.on('error', (error: Error & { code?: string }) => {
    failure = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? toDomain(tooComplex(file.filename)) : error;
    waiting?.(undefined);
  });
  worker.on('exit', () => waiting?.(undefined));
  try {
    for (;;) {
      const reply = await new Promise<UploadWorkerReply | undefined>((resolve) => {
        waiting = resolve;
        worker.postMessage('next');
      });
      if (!reply) throw failure ?? new Error('The upload reader stopped before it finished');
      if (reply.type === 'done') return;
      if (reply.type === 'problem') throw new DomainException(reply.status, reply.code as ErrorCode, reply.params, reply.extra);
      if (reply.type === 'failed') throw new Error(`Upload reader failed: ${reply.message}`);
      yield reply.chunk;
    }
  } finally {
    await worker.terminate();
  }
}
