/**
 * One training from the database: read the set into typed arrays, then tree + cross-validation +
 * reports. The same function runs in the training worker (the built app) and inline (jest), so both
 * paths give the very same answer.
 */
import { getHeapStatistics } from 'node:v8';
import { C45InputError, type C45ErrorCode } from '../c45';
import type { BuildOptions, BuiltModel } from '../domain/model-builder';
import { buildModelOnThreads } from './parallel-build';
import { readTrainingSet, type TrainingData, type TrainingSetQuery } from './training-set.reader';

/** What a training produces for storage (the live tree is rebuilt from `treeJson` when activated). */
export type ModelArtifacts = Omit<BuiltModel, 'tree'>;

/** What the stored model records about the set it was trained on (the columns stay in the worker). */
export type LoadedSet = Omit<TrainingData, 'dataset' | 'groups'>;

export interface TrainJob {
  query: TrainingSetQuery;
  options: BuildOptions;
  /** Declared values of each group attribute, to list fairness groups in order. */
  groupOrders: Readonly<Record<string, readonly string[]>>;
  /** Fewer labelled rows and nothing is built (the caller answers 409). */
  minRows: number;
}

/** The training worker's heap at the end of the build (MB), reported with the model (budget: heap-budget.ts). */
export interface HeapReport {
  usedMb: number;
  totalMb: number;
  externalMb: number;
}

export type TrainReply =
  | { ok: true; set: LoadedSet; artifacts: ModelArtifacts; heap: HeapReport }
  | { ok: false; tooFew: { labelled: number; total: number } }
  | { ok: false; inputError: { code: C45ErrorCode; message: string } }
  | { ok: false; message: string };

export async function runTrainJob(job: TrainJob): Promise<TrainReply> {
  try {
    const { dataset, groups, ...set } = await readTrainingSet(job.query);
    if (set.labelled < job.minRows) return { ok: false, tooFew: { labelled: set.labelled, total: set.totalRows } };
    const { tree: _tree, ...artifacts } = await buildModelOnThreads(dataset, job.options, groups, job.groupOrders);
    return { ok: true, set, artifacts, heap: heapReport() };
  } catch (error) {
    return error instanceof C45InputError
      ? { ok: false, inputError: { code: error.code, message: error.message } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function heapReport(): HeapReport {
  const h = getHeapStatistics();
  const mb = (b: number): number => Math.round(b / 2 ** 20);
  return { usedMb: mb(h.used_heap_size), totalMb: mb(h.total_heap_size), externalMb: mb(h.external_memory) };
}
