import { errorCodes } from '../i18n/error-codes';

/** Codes of the teacher scope (GURU_SCOPE=class): a write a guru's class does not allow. */
export const SCOPE_ERRORS = errorCodes({
  SCOPE_MAPEL_NOT_TAUGHT: 'SCOPE_MAPEL_NOT_TAUGHT',
  SCOPE_NOT_WALI_KELAS: 'SCOPE_NOT_WALI_KELAS',
  SCOPE_READ_ONLY: 'SCOPE_READ_ONLY',
});
