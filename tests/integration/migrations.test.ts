/**
 * The migration files and the schema agree, and the runner keeps `_prisma_migrations` exactly as
 * `prisma migrate deploy` would. Runs on the engine of the vitest project (TEST_DB_ENGINE):
 * prisma/migrations on SQLite, prisma/migrations-postgresql on PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/persistence/db.ts';
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_POSTGRES_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  createMigration,
  migrateDatabase,
  MigrationError,
  missingPostgresMigrations,
  schemaDrift,
} from '../../src/persistence/migrate.ts';
import { createDatabase, dropDatabase, freshDatabaseName, postgresTestServer, testEngine } from '../helpers/postgres.ts';
import { createTempDb } from '../helpers/temp-db.ts';

const engine = testEngine();
/** The history this engine migrates from. */
const HISTORY_DIR = engine === 'postgresql' ? DEFAULT_POSTGRES_MIGRATIONS_DIR : DEFAULT_MIGRATIONS_DIR;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished: bigint | number;
  rolled_back: bigint | number;
  applied_steps_count: bigint | number;
}

const scratchDirs: string[] = [];
async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ops-migrations-test-'));
  scratchDirs.push(dir);
  return dir;
}
const scratchDatabases: string[] = [];
afterAll(async () => {
  await Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  if (scratchDatabases.length > 0) {
    const { serverUrl } = await postgresTestServer();
    await Promise.all(scratchDatabases.map((name) => dropDatabase(serverUrl, name)));
  }
});

/** The URL of a new, empty database on this engine. */
async function emptyDatabase(label: string): Promise<string> {
  if (engine === 'sqlite') return `file:${join(await scratchDir(), `${label}.db`)}`;
  const name = freshDatabaseName(`ops_${label}`);
  scratchDatabases.push(name);
  return createDatabase((await postgresTestServer()).serverUrl, name);
}

async function migrationDirs(dir: string = HISTORY_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function readMigrationRows(url: string): Promise<MigrationRow[]> {
  const db = createDb(url);
  try {
    return await db.$queryRawUnsafe<MigrationRow[]>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished,
              rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    );
  } finally {
    await db.$disconnect();
  }
}

describe('migrations', () => {
  it(`match schema.prisma on ${engine} (no drift: run \`npm run db:migration -- <name>\` after editing the schema)`, async () => {
    const drift = engine === 'sqlite'
      ? await schemaDrift()
      : await schemaDrift({ dialect: 'postgresql', postgresServerUrl: (await postgresTestServer()).serverUrl });
    expect(drift).toBe('');
  });

  it('have a PostgreSQL twin of every SQLite migration, and no PostgreSQL-only ones (run `npm run db:migration -- <name>`)', async () => {
    expect(await missingPostgresMigrations()).toEqual([]);
    expect(await migrationDirs(DEFAULT_POSTGRES_MIGRATIONS_DIR)).toEqual(await migrationDirs(DEFAULT_MIGRATIONS_DIR));
    // A name added on the SQLite side only is reported.
    const sqliteDir = await scratchDir();
    await cp(DEFAULT_MIGRATIONS_DIR, sqliteDir, { recursive: true });
    await mkdir(join(sqliteDir, '29990101000000_add_index'));
    await writeFile(join(sqliteDir, '29990101000000_add_index', 'migration.sql'), 'CREATE INDEX "x" ON "Sku"("name");\n');
    expect(await missingPostgresMigrations(sqliteDir)).toEqual(['29990101000000_add_index']);
  });

  it('migrate a fresh database as prisma migrate deploy does, then apply nothing on a second run', async () => {
    const url = await emptyDatabase('fresh');
    const dirs = await migrationDirs();
    expect(dirs.length).toBeGreaterThan(0);

    expect(await migrateDatabase(url)).toEqual(dirs);

    const rows = await readMigrationRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = await readFile(join(HISTORY_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(Number(row.finished)).toBe(1);
      expect(Number(row.rolled_back)).toBe(0);
      expect(Number(row.applied_steps_count)).toBe(1);
    }

    // Second run: nothing pending, nothing applied, no new rows.
    expect(await migrateDatabase(url)).toEqual([]);
    expect(await readMigrationRows(url)).toHaveLength(dirs.length);
  });

  it('create a table for every model in schema.prisma', async () => {
    const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
    const tables = [...schema.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)].map(
      ([, name, body]) => body?.match(/@@map\(\s*"([^"]+)"\s*\)/)?.[1] ?? name!,
    );
    expect(tables.length).toBeGreaterThan(10);

    const temp = await createTempDb();
    try {
      const rows = await temp.db.$queryRawUnsafe<{ name: string }[]>(
        engine === 'sqlite'
          ? "SELECT name FROM sqlite_master WHERE type = 'table'"
          : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      const existing = new Set(rows.map((r) => r.name));
      expect(tables.filter((t) => !existing.has(t))).toEqual([]);
    } finally {
      await temp.dispose();
    }
  });

  it('apply only the pending migration, and name a failing one in a MigrationError', async () => {
    const migrationsDir = join(await scratchDir(), 'migrations');
    await cp(HISTORY_DIR, migrationsDir, { recursive: true });
    const url = await emptyDatabase('pending');
    await migrateDatabase(url, { migrationsDir });

    await mkdir(join(migrationsDir, '29990101000000_add_note'));
    await writeFile(join(migrationsDir, '29990101000000_add_note', 'migration.sql'), 'CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY);\n');
    const lines: string[] = [];
    expect(await migrateDatabase(url, { migrationsDir, log: (l) => lines.push(l) })).toEqual(['29990101000000_add_note']);
    expect(lines).toEqual(['Applying 29990101000000_add_note']);

    await mkdir(join(migrationsDir, '29990102000000_broken'));
    await writeFile(join(migrationsDir, '29990102000000_broken', 'migration.sql'), 'CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY);\n');
    const failure = await migrateDatabase(url, { migrationsDir }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as Error).message).toMatch(/29990102000000_broken.*"Note" already exists/);
    expect((failure as Error).message).not.toContain('\n');

    // migrate deploy refuses to go on past a failed migration (P3009) until it is resolved.
    const blocked = await migrateDatabase(url, { migrationsDir }).catch((e: unknown) => e);
    expect((blocked as Error).message).toMatch(/P3009/);
  });

  it(`are written by db:migration for ${engine === 'postgresql' ? 'both engines under one name' : 'SQLite, with the PostgreSQL twin reported missing when there is no server'}`, async () => {
    const root = await scratchDir();
    const schemaPath = join(root, 'schema.prisma');
    const migrationsDir = join(root, 'migrations');
    const postgresMigrationsDir = join(root, 'migrations-postgresql');
    await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await cp(DEFAULT_POSTGRES_MIGRATIONS_DIR, postgresMigrationsDir, { recursive: true });
    const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
    await writeFile(schemaPath, `${schema}\nmodel Note {\n  id   Int    @id @default(autoincrement())\n  text String\n}\n`);
    const postgresServerUrl = engine === 'postgresql' ? (await postgresTestServer()).serverUrl : undefined;

    const created = await createMigration('add_note', {
      schemaPath,
      migrationsDir,
      postgresMigrationsDir,
      now: new Date(Date.UTC(2999, 0, 1)),
      ...(postgresServerUrl ? { postgresServerUrl } : {}),
    });
    expect(created?.name).toBe('29990101000000_add_note');
    expect(await readFile(join(migrationsDir, '29990101000000_add_note', 'migration.sql'), 'utf8')).toContain('CREATE TABLE "Note"');
    if (!postgresServerUrl) {
      expect(await missingPostgresMigrations(migrationsDir, postgresMigrationsDir)).toEqual(['29990101000000_add_note']);
      return;
    }
    const twin = await readFile(join(postgresMigrationsDir, '29990101000000_add_note', 'migration.sql'), 'utf8');
    expect(twin).toContain('CREATE TABLE "Note"');
    expect(twin).toContain('SERIAL NOT NULL');
    expect(await missingPostgresMigrations(migrationsDir, postgresMigrationsDir)).toEqual([]);
    expect(await schemaDrift({ schemaPath, migrationsDir })).toBe('');
    expect(await schemaDrift({ schemaPath, migrationsDir: postgresMigrationsDir, dialect: 'postgresql', postgresServerUrl })).toBe('');
  });
});
