/**
 * The migration files and the schema agree, and the runner keeps `_prisma_migrations` exactly as
 * `prisma migrate deploy` would.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/persistence/db.ts';
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  migrateDatabase,
  MigrationError,
  schemaDrift,
} from '../../src/persistence/migrate.ts';
import { createTempDb } from '../helpers/temp-db.ts';

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
afterAll(async () => {
  await Promise.all(scratchDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function migrationDirs(): Promise<string[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
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
  it('match schema.prisma (no drift: run `npm run db:migration -- <name>` after editing the schema)', async () => {
    expect(await schemaDrift()).toBe('');
  });

  it('migrate a fresh database as prisma migrate deploy does, then apply nothing on a second run', async () => {
    const url = `file:${join(await scratchDir(), 'fresh.db')}`;
    const dirs = await migrationDirs();
    expect(dirs.length).toBeGreaterThan(0);

    expect(await migrateDatabase(url)).toEqual(dirs);

    const rows = await readMigrationRows(url);
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      const sql = await readFile(join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
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
        "SELECT name FROM sqlite_master WHERE type = 'table'",
      );
      const existing = new Set(rows.map((r) => r.name));
      expect(tables.filter((t) => !existing.has(t))).toEqual([]);
    } finally {
      await temp.dispose();
    }
  });

  it('apply only the pending migration, and name a failing one in a MigrationError', async () => {
    const migrationsDir = join(await scratchDir(), 'migrations');
    await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const url = `file:${join(await scratchDir(), 'pending.db')}`;
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
});
