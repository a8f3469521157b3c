/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL, like `prisma migrate deploy`.
 * Prints what it applied, or that the database is up to date. Exit code 0 on success, 1 with a
 * one-line error otherwise.
 */
import { loadConfig } from '../../config/env.ts';
import { migrateDatabase } from '../migrate.ts';

async function main(): Promise<void> {
  const { DATABASE_URL } = loadConfig();
  const applied = await migrateDatabase(DATABASE_URL, { log: (line) => console.log(line) });
  if (applied.length === 0) console.log('database is up to date');
  else console.log(`applied ${applied.length} migration${applied.length === 1 ? '' : 's'}: ${applied.join(', ')}`);
}

// Exit explicitly: the schema engine can leave timers behind (e.g. after a Postgres lock).
main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`db:migrate failed: ${message.replace(/\s*\n\s*/g, '; ')}`);
    process.exit(1);
  },
);
