import { isDateInput, schoolToday, spreadsheetDate, toSchoolDate } from './school-date';

describe('toSchoolDate', () => {
  it('keeps a plain date', () => {
    expect(toSchoolDate('2007-05-02', 'Asia/Jakarta')).toBe('2007-05-02');
  });

  it("reduces the client's UTC date-time to the date in Jakarta", () => {
    expect(toSchoolDate('2007-05-01T17:00:00.000Z', 'Asia/Jakarta')).toBe('2007-05-02');
    expect(toSchoolDate('2007-05-01T16:59:59Z', 'Asia/Jakarta')).toBe('2007-05-01');
    expect(toSchoolDate('2007-05-02T00:00:00+07:00', 'Asia/Jakarta')).toBe('2007-05-02');
  });

  it('uses the configured zone', () => {
    expect(toSchoolDate('2007-05-01T17:00:00.000Z', 'UTC')).toBe('2007-05-01');
    expect(toSchoolDate('2007-05-01T17:00:00.000Z', 'Asia/Jayapura')).toBe('2007-05-02');
  });

  it.each(['2023-02-30', '2023-13-01', 'yesterday', '02/05/2007', '2007-05-01T17:00:00', '', "2007-05-01'; DROP"])(
    'refuses %p',
    (value) => {
      expect(toSchoolDate(value, 'Asia/Jakarta')).toBeUndefined();
      expect(isDateInput(value)).toBe(false);
    },
  );
});

describe('spreadsheet dates and today', () => {
  it('reads a spreadsheet date by its UTC parts', () => {
    expect(spreadsheetDate(new Date(Date.UTC(2007, 4, 2)))).toBe('2007-05-02');
  });

  it("gives today's date in the school's zone", () => {
    expect(schoolToday('Asia/Jakarta', new Date('2024-01-01T18:00:00Z'))).toBe('2024-01-02');
  });

  it("turns the day at the zone's midnight, also when asked within the same minute before it (cached per minute)", () => {
    expect(schoolToday('Asia/Jakarta', new Date('2024-03-10T16:59:59.999Z'))).toBe('2024-03-10');
    expect(schoolToday('Asia/Jakarta', new Date('2024-03-10T17:00:00.000Z'))).toBe('2024-03-11');
    expect(schoolToday('Asia/Jakarta', new Date('2024-03-10T16:59:30.000Z'))).toBe('2024-03-10');
    // A quarter-hour offset (+05:45): midnight is still on a minute boundary.
    expect(schoolToday('Asia/Kathmandu', new Date('2024-03-10T18:14:59Z'))).toBe('2024-03-10');
    expect(schoolToday('Asia/Kathmandu', new Date('2024-03-10T18:15:00Z'))).toBe('2024-03-11');
  });
});
