import type { C45Dataset } from './dataset';
import type { ResolvedOptions } from './model';

/** What growing and pruning a tree share (its own module, so prune.ts needs nothing from tree.ts). */
export interface TrainContext {
  readonly ds: C45Dataset;
  readonly opts: ResolvedOptions;
  /** Number of classes. */
  readonly k: number;
  /** Class index per row. */
  readonly cls: Int32Array;
  /** Confidence factor as a float32, as Weka holds it. */
  readonly cf: number;
  /** Per attribute: no missing value in its column (pruning then takes a faster, identical path). */
  readonly complete: readonly boolean[];
}
