import { errorCodes } from '../i18n/error-codes';

/** Codes of the event log. */
export const EVENTS_ERRORS = errorCodes({
  EVENT_LOG_BACKLOG: 'EVENT_LOG_BACKLOG',
});
