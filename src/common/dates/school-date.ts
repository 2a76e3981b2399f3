/**
 * Calendar dates as the school sees them. The web client sends a birth date picked at local midnight
 * as a UTC date-time (`2007-05-01T17:00:00.000Z` is 2 May in Jakarta), so a date-time is reduced to
 * its calendar date in the school's time zone, never by cutting the string at `T`.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO-8601 date-time with a time zone (Z or ±hh:mm); a date-time without one is ambiguous and refused.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

// Building an Intl.DateTimeFormat costs ~0.3 ms and memory ICU is slow to give back: an upload of
// 100,000 students asks for today's date once per row, so one formatter per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant in a time zone. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** True when the string is a date or a zoned date-time this API accepts (format check only). */
export function isDateInput(value: unknown): value is string {
  return typeof value === 'string' && toSchoolDate(value, 'UTC') !== undefined;
}

/**
 * `YYYY-MM-DD` for a date (`2007-05-02`) or an ISO date-time (reduced in `timeZone`); undefined when
 * the value is neither or names a day that does not exist (2023-02-30).
 */
export function toSchoolDate(value: string, timeZone: string): string | undefined {
  const trimmed = value.trim();
  const dateOnly = DATE_ONLY.exec(trimmed);
  if (dateOnly) {
    return isRealDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])) ? trimmed : undefined;
  }
  if (!DATE_TIME.test(trimmed)) return undefined;
  const datePart = DATE_ONLY.exec(trimmed.slice(0, 10));
  if (!datePart || !isRealDate(Number(datePart[1]), Number(datePart[2]), Number(datePart[3]))) return undefined;
  const instant = new Date(trimmed);
  return Number.isNaN(instant.getTime()) ? undefined : calendarDateIn(instant, timeZone);
}

/**
 * A spreadsheet date cell: Excel stores a calendar date with no zone, which exceljs hands over as
 * midnight UTC, so its UTC parts are the date the user typed.
 */
export function spreadsheetDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

// Today's date per zone for the current minute: an upload of 100,000 students asks once per row, and
// formatting was most of the row's date check. Every zone's offset is whole minutes, so a local day
// always starts on a minute boundary and one minute never spans two dates.
const todayByZone = new Map<string, { minute: number; date: string }>();

/** Today in the school's time zone (a birth date must be before it). */
export function schoolToday(timeZone: string, now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const cached = todayByZone.get(timeZone);
  if (cached?.minute === minute) return cached.date;
  const date = calendarDateIn(now, timeZone);
  todayByZone.set(timeZone, { minute, date });
  return date;
}
