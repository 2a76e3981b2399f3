import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies documented defaults with nothing configured', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8000);
    expect(config.auth.accessTtlMinutes).toBe(120);
    expect(config.schoolTimezone).toBe('Asia/Jakarta');
    expect(config.thresholds).toEqual({
      attendanceHighMin: 80,
      attendanceMediumMin: 75,
      incomeHighMin: 5_000_000,
      incomeMediumMin: 2_300_000,
    });
    expect(config.http.uploadLimitBytes).toBe(5 * 1024 * 1024);
    expect(config.upload).toEqual({ maxRows: 100_000, maxInflatedBytes: 100 * 1024 * 1024, maxColumns: 100, maxCellChars: 32_767 });
    expect(config.database.url).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_DATA', 'perhaps'],
    ['JWT_ACCESS_TTL_MINUTES', '0'],
    ['INCOME_HIGH_MIN', '-1'],
    ['NODE_ENV', 'staging'],
    ['UPLOAD_MAX_ROWS', '0'],
    ['UPLOAD_MAX_INFLATED_BYTES', 'lots'],
    ['PERINGATAN_TURUN_NILAI', '-1'],
    ['PERINGATAN_TURUN_NILAI', 'lima'],
    ['MODEL_RETRAIN_CRON', 'every sunday'],
    ['MODEL_RETRAIN_CRON', '0 25 * * *'],
    ['MODEL_MAX_ACCURACY_DROP', '2'],
    ['MODEL_MAX_AGE_DAYS', '0'],
  ])('an invalid %s=%s stops the boot with a message naming it', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(`${key}=`));
  });

  it('reads PERINGATAN_TURUN_NILAI (default 5 points)', () => {
    expect(loadConfig({}).peringatan).toEqual({ turunNilai: 5 });
    expect(loadConfig({ PERINGATAN_TURUN_NILAI: '7.5' }).peringatan).toEqual({ turunNilai: 7.5 });
  });

  it('model quality: retraining off by default; a cron subset when set', () => {
    expect(loadConfig({}).model).toEqual({ maxAgeDays: 180, retrainCron: null, maxAccuracyDrop: 0.01 });
    expect(loadConfig({ MODEL_RETRAIN_CRON: '@weekly', MODEL_MAX_ACCURACY_DROP: '0.02' }).model).toMatchObject({
      retrainCron: '@weekly',
      maxAccuracyDrop: 0.02,
    });
    expect(loadConfig({ MODEL_RETRAIN_CRON: '0 2 * * 0' }).model.retrainCron).toBe('0 2 * * 0');
  });

  it('rejects an unknown time zone, naming SCHOOL_TIMEZONE', () => {
    expect(() => loadConfig({ SCHOOL_TIMEZONE: 'Mars/Olympus' })).toThrow(/SCHOOL_TIMEZONE/);
  });

  it('rejects inverted thresholds', () => {
    expect(() => loadConfig({ ATTENDANCE_MEDIUM_MIN: '90' })).toThrow(/ATTENDANCE_MEDIUM_MIN/);
    expect(() => loadConfig({ INCOME_MEDIUM_MIN: '6000000' })).toThrow(/INCOME_MEDIUM_MIN/);
  });

  describe('in production', () => {
    const strong = 'k'.repeat(16) + 'Q7x!'.repeat(5);
    it('refuses a missing JWT_SECRET', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    });
    it('refuses a JWT_SECRET shorter than 32 bytes', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short-secret' })).toThrow(/at least 32 bytes/);
    });
    it('refuses a known placeholder even when long', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'change-this-to-a-long-random-string-of-at-least-32-bytes' })).toThrow(
        /placeholder/,
      );
    });
    it('accepts a strong secret', () => {
      expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong }).auth.jwtSecret).toBe(strong);
    });
  });

  it('parses CORS_ORIGINS', () => {
    expect(loadConfig({}).http.corsOrigins).toBe(false);
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'http://a.test, http://b.test' }).http.corsOrigins).toEqual(['http://a.test', 'http://b.test']);
  });
});
