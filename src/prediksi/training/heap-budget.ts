/**
 * Issue #15: a training's heap, all its threads together, stays under 1.5 GB. Split between the
 * training worker (reads the set, grows the tree, combines the folds, builds the reports) and the
 * helper threads that train cross-validation folds. Measured at the district's 1.8 M rows
 * (bench/c45-district-train.bench.ts): the rows live in typed arrays outside the V8 heap, and a whole
 * build uses about 100 MB of heap, a fold about as much.
 */
export const TRAINING_HEAP_BUDGET_MB = 1536;

/** At most this many fold helpers besides the training worker (never more than the cores minus one). */
export const MAX_CV_HELPERS = 3;

/** Old generation of one fold helper. */
export const CV_HELPER_HEAP_MB = 256;

/** The training worker's V8 old-generation cap: what the helpers leave of the budget. */
export const TRAINING_WORKER_HEAP_MB = TRAINING_HEAP_BUDGET_MB - MAX_CV_HELPERS * CV_HELPER_HEAP_MB;

/**
 * Young generation of every training thread. Growing a tree allocates short-lived typed arrays per
 * node (each child's rows); with V8's default young generation they are promoted and collected by
 * full GCs (a fifth of the CPU in a profile). Larger here: the same CV in about 15 % less CPU.
 */
export const TRAINING_YOUNG_GENERATION_MB = 96;
