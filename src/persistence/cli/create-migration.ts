/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with what schema.prisma changed since the last migration, like
 * `prisma migrate dev --create-only --name <name>`, and its PostgreSQL twin of the same name in
 * prisma/migrations-postgresql (plus any other SQLite migration still missing there). It does
 * not touch the app's database; apply the result with `npm run db:migrate` (or start the app).
 *
 * The PostgreSQL diff needs a server for its shadow database: TEST_POSTGRES_URL when set,
 * otherwise a throwaway one started for the occasion (PostgreSQL must be installed).
 */
import { createMigration } from '../migrate.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../postgres-cluster.ts';

const USAGE = 'usage: npm run db:migration -- <name>   (lower-case letters, digits, underscores; e.g. add_ticket_priority)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const name = args[0];
  if (name === undefined || name === '--help' || name === '-h' || args.length > 1) {
    console.error(USAGE);
    return name === '--help' || name === '-h' ? 0 : 1;
  }
  let server: ThrowawayPostgres | null = null;
  let postgresServerUrl = process.env.TEST_POSTGRES_URL;
  let skipped: string | undefined;
  if (!postgresServerUrl) {
    server = await startThrowawayPostgres((reason) => (skipped = reason));
    postgresServerUrl = server?.url;
  }
  try {
    const created = await createMigration(name, {
      log: (line) => console.log(line),
      ...(postgresServerUrl ? { postgresServerUrl } : {}),
    });
    if (created) console.log(`created migration ${created.name}; apply it with npm run db:migrate`);
  } finally {
    await server?.stop();
  }
  if (skipped) {
    console.error(`the PostgreSQL migration was not written: ${skipped}. Install PostgreSQL or set TEST_POSTGRES_URL, then run this command again: it writes the missing PostgreSQL migrations.`);
    return 1;
  }
  return 0;
}

// Exit explicitly: the schema engine can leave timers behind.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:migration failed: ${message.replace(/\s*\n\s*/g, '; ')}`);
    process.exit(1);
  },
);
