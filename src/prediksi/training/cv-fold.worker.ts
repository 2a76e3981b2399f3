import { parentPort, workerData } from 'node:worker_threads';
import { type FoldMessage, type FoldWork, takeFolds } from './fold-helpers';

/**
 * A cross-validation helper of the training worker: trains folds from the shared counter until none
 * is left and posts each outcome (its index arrays transferred, not copied). See fold-helpers.ts.
 */
takeFolds(workerData as FoldWork, (fold, outcome) => {
  const message: FoldMessage = { fold, outcome };
  const buffers = outcome.other ? [outcome.used.buffer, outcome.other.buffer] : [outcome.used.buffer];
  parentPort?.postMessage(message, buffers as ArrayBuffer[]);
});
parentPort?.postMessage({ done: true } satisfies FoldMessage);
