import { errorCodes } from '../i18n/error-codes';

/** Codes of model quality: staleness, champion/challenger retraining, fairness and calibration. */
export const MODEL_QUALITY_ERRORS = errorCodes({
  MODEL_QUALITY_NOT_RECORDED: 'MODEL_QUALITY_NOT_RECORDED',
  RETRAIN_IN_PROGRESS: 'RETRAIN_IN_PROGRESS',
  TRAINING_NO_FEATURES_LEFT: 'TRAINING_NO_FEATURES_LEFT',
});
