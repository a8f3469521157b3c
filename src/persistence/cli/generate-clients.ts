/**
 * `npm run db:generate` (and postinstall): generates both Prisma clients, the SQLite one from
 * prisma/schema.prisma and the PostgreSQL one from its derived copy (see postgres-schema.ts).
 * Runs the Prisma CLI offline: PRISMA_SCHEMA_ENGINE_BINARY must name an existing executable.
 * `--postgresql-only` regenerates just the PostgreSQL client.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTGRES_SCHEMA_PATH, toPostgresSchema } from '../postgres-schema.ts';

// Not imported from migrate.ts: that pulls in the generated clients, which may not exist yet.
const DEFAULT_SCHEMA_PATH = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

function prismaGenerate(schemaPath: string): void {
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true' };
  const result = spawnSync('prisma', ['generate', '--schema', schemaPath], { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`prisma generate --schema ${schemaPath} exited with ${result.status ?? result.signal}`);
}

async function main(): Promise<void> {
  // --postgresql-only: leave the SQLite client alone (the test setup refreshes a stale PostgreSQL one).
  if (!process.argv.includes('--postgresql-only')) prismaGenerate(DEFAULT_SCHEMA_PATH);
  const derived = toPostgresSchema(await readFile(DEFAULT_SCHEMA_PATH, 'utf8'));
  await mkdir(dirname(POSTGRES_SCHEMA_PATH), { recursive: true });
  await writeFile(POSTGRES_SCHEMA_PATH, derived, 'utf8');
  prismaGenerate(POSTGRES_SCHEMA_PATH);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`db:generate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
