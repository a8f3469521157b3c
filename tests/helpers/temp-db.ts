/**
 * Throwaway databases for integration tests: each call gets its own SQLite file in the OS temp
 * folder (or, under TEST_DB_ENGINE=postgresql, its own PostgreSQL database) with every
 * migration applied, and a Prisma client on it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../src/persistence/db.ts';
import { migrateDatabase } from '../../src/persistence/migrate.ts';
import { createDatabase, dropDatabase, freshDatabaseName, postgresTestServer, testEngine } from './postgres.ts';

/** A migrated database that belongs to one test. */
export interface TempDb {
  /** URL of the database (`file:` or `postgresql:`), for code that opens its own connection. */
  url: string;
  /** A Prisma client on it. */
  db: Db;
  /** Disconnects the client and deletes the file. */
  dispose(): Promise<void>;
}

let template: Promise<Buffer> | undefined;

/**
 * Migrates one database per test process and keeps its bytes. Why: running the schema engine
 * costs ~100 ms per database, writing a migrated copy ~1 ms, and many tests want a database.
 * The file itself is deleted at once (a worker's exit hooks do not reliably run).
 */
function migratedTemplate(): Promise<Buffer> {
  template ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ops-test-template-'));
    try {
      const file = join(dir, 'template.db');
      await migrateDatabase(`file:${file}`);
      return await readFile(file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return template;
}

/**
 * A fresh, fully migrated database: a SQLite file in os.tmpdir(), or a PostgreSQL database under
 * TEST_DB_ENGINE=postgresql. Call `dispose()` when the test ends (e.g. in afterEach/afterAll).
 */
export async function createTempDb(): Promise<TempDb> {
  if (testEngine() === 'postgresql') {
    const server = await postgresTestServer();
    const name = freshDatabaseName();
    const url = await createDatabase(server.serverUrl, name, server.migratedTemplate);
    await migrateDatabase(url);
    const db = createDb(url);
    return {
      url,
      db,
      async dispose() {
        await db.$disconnect();
        await dropDatabase(server.serverUrl, name);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'ops-test-'));
  const file = join(dir, 'test.db');
  await writeFile(file, await migratedTemplate());
  const url = `file:${file}`;
  // A no-op on the copy (a few ms), and it keeps this honest should the template be stale.
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    url,
    db,
    async dispose() {
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
