/**
 * Cross-validation folds on several threads. The training worker lays the folds out (planFolds), then
 * every thread, itself included, takes the next untrained fold from one shared counter (Atomics.add)
 * and trains it with the same `runFold`; the outcomes are combined in fold order by `combineFolds`, so
 * the result is bit for bit what one thread gives. The dataset and the plan are in SharedArrayBuffers:
 * the helpers read them, nothing is copied.
 *
 * Helpers are compiled worker files: under jest (TypeScript sources, no cv-fold.worker.js) there are
 * none and the training worker trains every fold itself, through the same loop.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type C45Dataset, type FoldOutcome, type FoldPlan, type ResolvedOptions, runFold } from '../c45';
import { CV_HELPER_HEAP_MB, MAX_CV_HELPERS, TRAINING_YOUNG_GENERATION_MB } from './heap-budget';

const WORKER_FILE = join(__dirname, 'cv-fold.worker.js');

/** What every thread needs to train folds (structured-cloned into a helper; the typed arrays are shared). */
export interface FoldWork {
  ds: C45Dataset;
  opts: ResolvedOptions;
  plan: FoldPlan;
  bothLeafEstimates: boolean;
  /** Shared counter: the next fold nobody has taken yet. */
  next: Int32Array;
}

export type FoldMessage = { fold: number; outcome: FoldOutcome } | { done: true };

/** How many helpers, from which file (tests point it at a shim that loads the TypeScript worker). */
export interface HelperOptions {
  count: number;
  workerFile: string;
}

export function defaultHelpers(folds: number): HelperOptions {
  const count = existsSync(WORKER_FILE) ? Math.max(0, Math.min(availableParallelism() - 1, folds - 1, MAX_CV_HELPERS)) : 0;
  return { count, workerFile: WORKER_FILE };
}

/** Trains folds taken from the shared counter until none is left. The one loop of every thread. */
export function takeFolds(work: FoldWork, emit: (fold: number, outcome: FoldOutcome) => void): void {
  for (let f = Atomics.add(work.next, 0, 1); f < work.plan.folds; f = Atomics.add(work.next, 0, 1)) {
    emit(f, runFold(work.ds, work.opts, work.plan, f, work.bothLeafEstimates));
  }
}

/**
 * Starts the helpers, runs `first` on this thread (the main tree, while helpers take folds), then
 * takes folds here too. A helper that fails leaves its fold untrained: this thread trains it (the
 * same function, so the same answer), so a helper can cost time but never change the result.
 */
export async function trainFolds<T>(
  work: FoldWork,
  first: () => T,
  helpers: HelperOptions,
): Promise<{ first: T; outcomes: FoldOutcome[]; byHelpers: number }> {
  const outcomes = new Array<FoldOutcome | undefined>(work.plan.folds);
  let byHelpers = 0;
  const store = (f: number, o: FoldOutcome): void => {
    outcomes[f] = o;
  };
  const fromHelper = (f: number, o: FoldOutcome): void => {
    byHelpers++;
    store(f, o);
  };
  const workers: Worker[] = [];
  try {
    const finished = Array.from({ length: helpers.count }, () => startHelper(work, helpers, fromHelper, workers));
    const result = first();
    takeFolds(work, store);
    await Promise.all(finished);
    for (let f = 0; f < outcomes.length; f++) if (!outcomes[f]) store(f, runFold(work.ds, work.opts, work.plan, f, work.bothLeafEstimates));
    return { first: result, outcomes: outcomes as FoldOutcome[], byHelpers };
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/** One helper; the promise settles (never rejects) once it has said it is done, or has failed. */
function startHelper(work: FoldWork, helpers: HelperOptions, store: (f: number, o: FoldOutcome) => void, workers: Worker[]): Promise<void> {
  return new Promise((resolve) => {
    const worker = new Worker(helpers.workerFile, {
      workerData: work,
      resourceLimits: { maxOldGenerationSizeMb: CV_HELPER_HEAP_MB, maxYoungGenerationSizeMb: TRAINING_YOUNG_GENERATION_MB },
    });
    workers.push(worker);
    worker.on('message', (m: FoldMessage) => {
      if ('done' in m) resolve();
      else store(m.fold, m.outcome);
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}
