/**
 * A small, validated subset of cron for scheduled jobs (no dependency): `@hourly`, `@daily`,
 * `@weekly` (Sunday 00:00), `@monthly`, or five fields `minute hour day-of-month month day-of-week`,
 * each `*`, `*\/step`, a number or a comma list of numbers (day-of-week 0–6, 0 or 7 = Sunday). As in
 * cron, when both day fields are restricted a day matching either runs. Times are wall-clock times in
 * the school's time zone. Checked once a minute, so a job runs at most once per matching minute.
 */

const ALIASES: Record<string, string> = { '@hourly': '0 * * * *', '@daily': '0 0 * * *', '@weekly': '0 0 * * 0', '@monthly': '0 0 1 * *' };
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 7 },
] as const;

/** Allowed values per field; null = `*` (any). */
export interface CronSchedule {
  readonly source: string;
  readonly fields: ReadonlyArray<ReadonlySet<number> | null>;
}

export interface WallClock {
  minute: number;
  hour: number;
  day: number;
  month: number;
  /** 0 = Sunday. */
  weekday: number;
}

function parseField(text: string, f: (typeof FIELDS)[number]): Set<number> | null {
  if (text === '*') return null;
  const step = /^\*\/(\d+)$/.exec(text);
  if (step) {
    const n = Number(step[1]);
    if (n < 1 || n > f.max) throw new Error(`${f.name}: step ${text} out of range`);
    const values = new Set<number>();
    for (let v = f.min; v <= f.max; v += n) values.add(v);
    return values;
  }
  if (!/^\d+(,\d+)*$/.test(text)) throw new Error(`${f.name}: "${text}" is not *, */N, a number or a comma list`);
  const values = new Set(text.split(',').map(Number));
  for (const v of values) if (v < f.min || v > f.max) throw new Error(`${f.name}: ${v} is outside ${f.min}–${f.max}`);
  if (f.name === 'day-of-week' && values.delete(7)) values.add(0);
  return values;
}

/** Parses a schedule; throws an Error saying what is wrong. */
export function parseCron(text: string): CronSchedule {
  const source = text.trim();
  const expanded = ALIASES[source.toLowerCase()] ?? source;
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5)
    throw new Error(`expected @hourly, @daily, @weekly, @monthly or 5 fields (minute hour day month weekday), got "${source}"`);
  return { source, fields: parts.map((p, i) => parseField(p, FIELDS[i])) };
}

export function cronMatches(s: CronSchedule, t: WallClock): boolean {
  const [minute, hour, dom, month, dow] = s.fields;
  const is = (set: ReadonlySet<number> | null, v: number): boolean => set === null || set.has(v);
  if (!is(minute, t.minute) || !is(hour, t.hour) || !is(month, t.month)) return false;
  if (dom !== null && dow !== null) return dom.has(t.day) || dow.has(t.weekday);
  return is(dom, t.day) && is(dow, t.weekday);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock of `date` in `timeZone`. */
export function wallClock(date: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    minute: 'numeric',
    hour: 'numeric',
    day: 'numeric',
    month: 'numeric',
    weekday: 'short',
  }).formatToParts(date);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    minute: Number(get('minute')),
    hour: Number(get('hour')),
    day: Number(get('day')),
    month: Number(get('month')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** Runs `job` in every minute the schedule matches (checked each minute); returns the stop function. */
export function scheduleCron(
  schedule: CronSchedule,
  timeZone: string,
  job: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  let lastMinute = -1;
  const timer = setInterval(() => {
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute === lastMinute || !cronMatches(schedule, wallClock(now, timeZone))) return;
    lastMinute = minute;
    job().catch(onError);
  }, 15_000);
  timer.unref();
  return () => clearInterval(timer);
}
