import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './src/persistence/postgres-cluster.ts';

/**
 * Two projects: `sqlite` runs every test but tests/postgres; `postgresql` runs the integration
 * tests again on PostgreSQL, and tests/postgres (several instances on one server), on PostgreSQL (TEST_POSTGRES_URL, or a throwaway cluster the global setup starts when PostgreSQL
 * is installed). Without PostgreSQL that project is left out with a notice, unless
 * REQUIRE_POSTGRES=1 (CI), which makes it an error.
 */
const postgresAvailable = Boolean(process.env.TEST_POSTGRES_URL) || findPostgresBin() !== null;
if (!postgresAvailable) {
  const reason = 'no PostgreSQL: set TEST_POSTGRES_URL or install PostgreSQL (initdb, pg_ctl)';
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
  console.warn(`\n!! skipping the PostgreSQL integration tests: ${reason}\n`);
}

export default defineConfig({
  test: {
    // Integration tests open real databases; a few at a time suits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'sqlite', globalSetup: ['tests/global-setup.ts'], include: ['tests/**/*.test.ts'], exclude: ['tests/postgres/**'], env: { TEST_DB_ENGINE: 'sqlite' } } },
      ...(postgresAvailable
        ? [{ extends: true, test: { name: 'postgresql', globalSetup: ['tests/global-setup.ts'], include: ['tests/integration/**/*.test.ts', 'tests/postgres/**/*.test.ts'], env: { TEST_DB_ENGINE: 'postgresql' } } }]
        : []),
    ],
  },
});
