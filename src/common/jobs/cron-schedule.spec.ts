import { cronMatches, parseCron, wallClock } from './cron-schedule';

describe('cron schedule subset', () => {
  const at = (minute: number, hour: number, day: number, month: number, weekday: number) => ({ minute, hour, day, month, weekday });

  it('aliases: @weekly is Sunday 00:00, @daily every midnight', () => {
    expect(cronMatches(parseCron('@weekly'), at(0, 0, 6, 12, 0))).toBe(true);
    expect(cronMatches(parseCron('@weekly'), at(0, 0, 7, 12, 1))).toBe(false);
    expect(cronMatches(parseCron('@daily'), at(0, 0, 7, 12, 1))).toBe(true);
    expect(cronMatches(parseCron('@daily'), at(1, 0, 7, 12, 1))).toBe(false);
  });

  it('fields: numbers, lists, steps; 7 is Sunday; both day fields restricted = either', () => {
    const s = parseCron('30 2,14 * * 1');
    expect(cronMatches(s, at(30, 14, 3, 5, 1))).toBe(true);
    expect(cronMatches(s, at(30, 15, 3, 5, 1))).toBe(false);
    expect(cronMatches(parseCron('*/15 * * * *'), at(45, 3, 1, 1, 3))).toBe(true);
    expect(cronMatches(parseCron('*/15 * * * *'), at(44, 3, 1, 1, 3))).toBe(false);
    expect(cronMatches(parseCron('0 0 * * 7'), at(0, 0, 1, 1, 0))).toBe(true);
    expect(cronMatches(parseCron('0 0 1 * 1'), at(0, 0, 9, 1, 1))).toBe(true);
    expect(cronMatches(parseCron('0 0 1 * 1'), at(0, 0, 9, 1, 2))).toBe(false);
  });

  it('refuses what it does not support, saying why', () => {
    expect(() => parseCron('0 0 * *')).toThrow(/5 fields/);
    expect(() => parseCron('61 * * * *')).toThrow(/minute: 61/);
    expect(() => parseCron('0 0 * * MON')).toThrow(/day-of-week/);
    expect(() => parseCron('0-5 * * * *')).toThrow(/minute/);
  });

  it('reads the wall clock in the school time zone', () => {
    // 2026-12-06 17:00 UTC is Monday 00:00 in Jakarta (UTC+7).
    expect(wallClock(new Date('2026-12-06T17:00:00Z'), 'Asia/Jakarta')).toEqual(at(0, 0, 7, 12, 1));
  });
});
