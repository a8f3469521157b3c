/**
 * The PostgreSQL side of the test databases. The `postgresql` vitest project sets
 * TEST_DB_ENGINE=postgresql; its global setup (tests/global-setup.ts) gets a server (TEST_POSTGRES_URL,
 * or a throwaway cluster) and prepares two template databases: one migrated, one seeded with the
 * demo. Each test database is a `CREATE DATABASE … TEMPLATE …` copy (tens of milliseconds),
 * dropped again by its dispose().
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabase } from '../../src/persistence/postgres-migration-adapter.ts';

/** What the PostgreSQL global setup hands the tests (`inject('postgres')`). */
export interface PostgresTestServer {
  /** Superuser URL of the server's maintenance database. */
  serverUrl: string;
  /** Database with every migration applied and no rows. */
  migratedTemplate: string;
  /** Database seeded with the demo dataset at TEST_REFERENCE_DATE. */
  demoTemplate: string;
}

/** The engine this test process runs its integration tests on. */
export function testEngine(): 'sqlite' | 'postgresql' {
  return process.env.TEST_DB_ENGINE === 'postgresql' ? 'postgresql' : 'sqlite';
}

/** A fresh database name, valid unquoted too. */
export function freshDatabaseName(prefix = 'ops_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

async function withAdmin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` (a copy of `template` when given) and returns its URL. Retries while
 * another copy of the same template is being made (PostgreSQL allows one at a time: 55006).
 */
export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  await withAdmin(serverUrl, async (client) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  });
  return withDatabase(serverUrl, name);
}

/** Drops database `name`, closing whatever connections are still open on it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The server and templates from the global setup. */
export async function postgresTestServer(): Promise<PostgresTestServer> {
  const { inject } = await import('vitest');
  const server = inject('postgres');
  if (!server) throw new Error('TEST_DB_ENGINE=postgresql but the global setup provided no PostgreSQL server');
  return server;
}
