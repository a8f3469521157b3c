/**
 * The seeded demo database for tests. tests/global-setup.ts seeds one template per test run;
 * each openDemoDb() call gets its own copy of it, so a test file may write freely. Under
 * TEST_DB_ENGINE=postgresql the copy is a PostgreSQL database made from the seeded template.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/persistence/db.ts';
import { openDatabase } from '../../src/persistence/open-database.ts';
import { seedDemo } from '../../src/persistence/seed/index.ts';
import { createDatabase, dropDatabase, freshDatabaseName, postgresTestServer, testEngine } from './postgres.ts';

/** "Today" of the demo database every test sees. */
export const TEST_REFERENCE_DATE = new Date(Date.UTC(2026, 10, 20));

/** A private copy of the seeded demo database. */
export interface DemoDb {
  /** URL of the copy (`file:` or `postgresql:`), for code that opens its own connection. */
  url: string;
  db: Db;
  /** The reference date it was seeded with (a fresh Date each call). */
  referenceDate: Date;
  /** Disconnects and deletes the copy. */
  dispose(): Promise<void>;
}

/** Seeds a demo database file at `file` (used by the global setup, and as a fallback here). */
export async function seedDemoFile(file: string): Promise<void> {
  await seedDemoAt(`file:${file}`);
}

/** Migrates and seeds the database at `url` with the demo dataset at {@link TEST_REFERENCE_DATE}. */
export async function seedDemoAt(url: string): Promise<void> {
  const db = await openDatabase(url);
  try {
    await seedDemo(db, { referenceDate: TEST_REFERENCE_DATE });
  } finally {
    await db.$disconnect();
  }
}

let fallbackTemplate: Promise<string> | undefined;

/** The template path from the global setup; seeds one in this process if the setup did not run. */
async function templatePath(): Promise<string> {
  // Imported lazily so the global setup (main process) can import this module too.
  const { inject } = await import('vitest');
  const provided = inject('demoTemplate') as string | undefined;
  if (provided) return provided;
  fallbackTemplate ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ops-demo-fallback-'));
    const file = join(dir, 'demo.db');
    await seedDemoFile(file);
    return file;
  })();
  return fallbackTemplate;
}

/** A private, writable copy of the seeded demo database (reference date {@link TEST_REFERENCE_DATE}). */
export async function openDemoDb(): Promise<DemoDb> {
  if (testEngine() === 'postgresql') return openPostgresDemoDb();
  const template = await templatePath();
  const dir = await mkdtemp(join(tmpdir(), 'ops-demo-'));
  const file = join(dir, 'demo.db');
  await copyFile(template, file);
  const url = `file:${file}`;
  const db = await openDatabase(url);
  return {
    url,
    db,
    referenceDate: new Date(TEST_REFERENCE_DATE),
    async dispose() {
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgresDemoDb(): Promise<DemoDb> {
  const server = await postgresTestServer();
  const name = freshDatabaseName('ops_demo');
  const url = await createDatabase(server.serverUrl, name, server.demoTemplate);
  const db = await openDatabase(url);
  return {
    url,
    db,
    referenceDate: new Date(TEST_REFERENCE_DATE),
    async dispose() {
      await db.$disconnect();
      await dropDatabase(server.serverUrl, name);
    },
  };
}
