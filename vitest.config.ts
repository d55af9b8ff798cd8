import { defineConfig } from 'vitest/config';

// Four suites: pure unit tests; the database integration suite twice (embedded PGlite and a real
// PostgreSQL server, started by test/postgres-server.ts when TEST_DATABASE_URL is not given);
// and browser tests driving Debian's Chromium. Files say which suite they belong to by their suffix.
const DB_TESTS = 'packages/*/test/**/*.db.test.ts';
const BROWSER_TESTS = 'packages/*/test/**/*.browser.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.{ts,tsx}'],
          exclude: [DB_TESTS, BROWSER_TESTS, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: [DB_TESTS],
          env: { SONGNODES_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db-postgres',
          include: [DB_TESTS],
          env: { SONGNODES_TEST_DB: 'postgres' },
          globalSetup: ['test/postgres-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One server for the suite; files run one at a time so they do not trample each other's schemas.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
