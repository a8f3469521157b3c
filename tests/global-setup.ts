/**
 * Vitest global setup, once per project and run.
 * - `sqlite` project: seeds ONE demo database file (reference date TEST_REFERENCE_DATE) and hands
 *   its path to the tests as `inject('demoTemplate')`; tests/helpers/demo-db.ts copies it per file.
 * - `postgresql` project: gets a server (TEST_POSTGRES_URL, else a throwaway cluster on loopback,
 *   stopped and deleted at teardown), makes a migrated and a seeded template database on it and
 *   hands them over as `inject('postgres')`; each test file copies a template (tests/helpers/postgres.ts).
 */
import { spawnSync } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_SCHEMA_PATH, migrateDatabase } from '../src/persistence/migrate.ts';
import { startThrowawayPostgres } from '../src/persistence/postgres-cluster.ts';
import { POSTGRES_SCHEMA_PATH, toPostgresSchema } from '../src/persistence/postgres-schema.ts';
import { seedDemoAt, seedDemoFile } from './helpers/demo-db.ts';
import { createDatabase, dropDatabase, freshDatabaseName, type PostgresTestServer } from './helpers/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the seeded demo database template; copy it, do not write to it. */
    demoTemplate: string;
    /** The PostgreSQL server and template databases (postgresql project only). */
    postgres: PostgresTestServer | undefined;
  }
}

/** Seeds the template(s) and returns the teardown that deletes them. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.config.env?.TEST_DB_ENGINE === 'postgresql') return setupPostgres(project);
  const dir = await mkdtemp(join(tmpdir(), 'ops-demo-template-'));
  const file = join(dir, 'demo.db');
  await seedDemoFile(file);
  project.provide('demoTemplate', file);
  project.provide('postgres', undefined);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

/**
 * Regenerates the PostgreSQL client when schema.prisma changed since it was generated (a plain
 * `prisma generate` only makes the SQLite one), so the tests never run a stale client.
 */
async function ensurePostgresClient(): Promise<void> {
  const wanted = toPostgresSchema(await readFile(DEFAULT_SCHEMA_PATH, 'utf8'));
  const current = await readFile(POSTGRES_SCHEMA_PATH, 'utf8').catch(() => null);
  if (current === wanted) return;
  console.log('schema.prisma changed since the PostgreSQL client was generated: regenerating it');
  const result = spawnSync('npx', ['tsx', 'src/persistence/cli/generate-clients.ts', '--postgresql-only'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('regenerating the Prisma clients failed');
}

async function setupPostgres(project: TestProject): Promise<() => Promise<void>> {
  await ensurePostgresClient();
  const external = process.env.TEST_POSTGRES_URL;
  const cluster = external ? null : await startThrowawayPostgres();
  const serverUrl = external ?? cluster?.url;
  // vitest.config.ts only defines this project when a server can be had, so this is a real failure.
  if (!serverUrl) throw new Error('the postgresql project needs TEST_POSTGRES_URL or an installed PostgreSQL');
  const migratedTemplate = freshDatabaseName('ops_migrated');
  const demoTemplate = freshDatabaseName('ops_demo_template');
  const teardown = async () => {
    if (cluster) return cluster.stop();
    await dropDatabase(serverUrl, migratedTemplate).catch(() => {});
    await dropDatabase(serverUrl, demoTemplate).catch(() => {});
  };
  try {
    await migrateDatabase(await createDatabase(serverUrl, migratedTemplate));
    await seedDemoAt(await createDatabase(serverUrl, demoTemplate, migratedTemplate));
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide('postgres', { serverUrl, migratedTemplate, demoTemplate });
  project.provide('demoTemplate', '');
  return teardown;
}
