import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { C45InputError } from '../c45';
import { TRAINING_WORKER_HEAP_MB, TRAINING_YOUNG_GENERATION_MB } from './heap-budget';
import { runTrainJob, type HeapReport, type LoadedSet, type ModelArtifacts, type TrainJob, type TrainReply } from './train-job';

export type { LoadedSet, ModelArtifacts, TrainJob } from './train-job';

const WORKER_FILE = join(__dirname, 'model-builder.worker.js');

/** Thrown when the set has fewer labelled rows than the job's minimum. */
export class TooFewTrainingRows extends Error {
  constructor(
    readonly labelled: number,
    readonly total: number,
  ) {
    super(`${labelled} labelled rows of ${total}`);
  }
}

export interface TrainResult {
  set: LoadedSet;
  artifacts: ModelArtifacts;
  heap: HeapReport;
}

/**
 * Reads and trains in a worker thread when running the compiled app (10-fold CV on 1.8 M rows is
 * many seconds of CPU that would otherwise stall every request of this instance). From TypeScript
 * sources (jest) a worker cannot load the .ts file, so the same job runs inline there.
 */
export async function trainOffThread(job: TrainJob): Promise<TrainResult> {
  const reply = existsSync(WORKER_FILE) ? await inWorker(job) : await runTrainJob(job);
  if (reply.ok) return { set: reply.set, artifacts: reply.artifacts, heap: reply.heap };
  if ('tooFew' in reply) throw new TooFewTrainingRows(reply.tooFew.labelled, reply.tooFew.total);
  if ('inputError' in reply) throw new C45InputError(reply.inputError.code, reply.inputError.message);
  throw new Error(`Training worker failed: ${reply.message}`);
}

function inWorker(job: TrainJob): Promise<TrainReply> {
  return new Promise((resolve, reject) => {
    // The worker is its own V8 isolate: the API's heap cap (--max-old-space-size=256) does not bound
    // it; the memory is returned when the worker exits.
    const worker = new Worker(WORKER_FILE, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: TRAINING_WORKER_HEAP_MB, maxYoungGenerationSizeMb: TRAINING_YOUNG_GENERATION_MB },
    });
    let settled = false;
    worker.once('message', (reply: TrainReply) => {
      settled = true;
      resolve(reply);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`Training worker exited with code ${code} before answering`));
    });
  });
}
