import { parentPort, workerData } from 'node:worker_threads';
import { runTrainJob, type TrainJob } from './train-job';

/**
 * Runs one training (read the set, tree, cross-validation) in a worker thread with its own database
 * connection, so neither the rows nor the CPU touch the API's event loop or its 256 MB heap. The live
 * tree stays here; the caller stores the JSON. The row digests (tens of MB) are transferred, not copied.
 */
void runTrainJob(workerData as TrainJob).then((reply) => {
  parentPort?.postMessage(reply, reply.ok ? [reply.set.rowDigests.buffer as ArrayBuffer] : []);
});
