/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with what schema.prisma changed since the last migration, like
 * `prisma migrate dev --create-only --name <name>`. It does not touch any database; apply the
 * result with `npm run db:migrate` (or simply start the app).
 */
import { createMigration } from '../migrate.ts';

const USAGE = 'usage: npm run db:migration -- <name>   (lower-case letters, digits, underscores; e.g. add_ticket_priority)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const name = args[0];
  if (name === undefined || name === '--help' || name === '-h' || args.length > 1) {
    console.error(USAGE);
    return name === '--help' || name === '-h' ? 0 : 1;
  }
  const created = await createMigration(name, { log: (line) => console.log(line) });
  if (created) console.log(`created migration ${created.name}; apply it with npm run db:migrate`);
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
