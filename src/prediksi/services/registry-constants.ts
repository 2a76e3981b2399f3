/** The NOTIFY channel every instance LISTENs on; the payload is the newly active version. */
export const MODEL_ACTIVATED_CHANNEL = 'edupro_model_activated';

/**
 * Advisory lock keys (one 64-bit key space per database). Training holds its lock for the whole
 * transaction; registry writes (activation) take theirs so two activations serialise rather than
 * racing into the one-active unique index.
 */
export const TRAINING_LOCK_KEY = 4_581_270_001;
export const REGISTRY_LOCK_KEY = 4_581_270_002;
/** Held (session lock) for a whole champion/challenger retraining: one instance retrains at a time. */
export const RETRAIN_LOCK_KEY = 4_581_270_003;
