/**
 * Type checking runs once in `npm run typecheck`; ts-jest only transpiles here
 * (tsconfig.jest.json sets isolatedModules), which keeps the suite fast.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
/** Every project: no test reaches anything but 127.0.0.0/8 and ::1 (see the file). */
const setupFilesAfterEnv = ['<rootDir>/test/support/loopback-only.ts'];
/** Every project: a worker compiles each module once, not once per test file (see the file). */
const setupFiles = ['<rootDir>/test/support/v8-code-cache.ts'];
/** Suites with no server and no database: the same check on PostgreSQL as on SQLite (see the file). */
const databaseFreeSuites = require('./test/database-free-suites');

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform, setupFiles, setupFilesAfterEnv, testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      setupFiles,
      setupFilesAfterEnv,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    { displayName: 'e2e', testEnvironment: 'node', transform, setupFiles, setupFilesAfterEnv, testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    // The integration suite again on PostgreSQL, whenever a server to run it on is given (.ci/run gives one).
    ...(process.env.STORELINK_TEST_POSTGRES_URL
      ? [
          {
            displayName: 'integration-postgres',
            testEnvironment: 'node',
            transform,
            setupFilesAfterEnv,
            testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
            testPathIgnorePatterns: databaseFreeSuites.map((file) => `/test/integration/${file.replace(/\./g, '\\.')}$`),
            setupFiles: [...setupFiles, '<rootDir>/test/support/use-postgres.ts'],
          },
        ]
      : []),
  ],
  testTimeout: 30000,
};
