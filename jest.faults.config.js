/**
 * `npm run test:faults`: fault tests, each on a PostgreSQL server the test starts and owns (never the
 * shared one), against the built app run as a separate process, one at a time.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  maxWorkers: 1,
  testTimeout: 180000,
};
