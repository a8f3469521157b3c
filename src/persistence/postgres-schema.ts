/**
 * prisma/schema.prisma is the one source of truth and names SQLite. The PostgreSQL client and
 * migrations are generated from a copy that differs in two lines: the datasource provider and
 * where the generated client goes. Prisma's clients are provider-specific (the query compiler
 * plans SQL for one engine and refuses an adapter of another), hence a second client.
 */
import { fileURLToPath } from 'node:url';

/** Where the derived schema is written (beside the generated clients, which git ignores). */
export const POSTGRES_SCHEMA_PATH = fileURLToPath(new URL('../generated/schema.postgresql.prisma', import.meta.url));

/** Output folder of the PostgreSQL client, relative to {@link POSTGRES_SCHEMA_PATH}. */
const POSTGRES_CLIENT_OUTPUT = './prisma-pg';

/**
 * The PostgreSQL variant of the schema text: provider "postgresql", client output
 * src/generated/prisma-pg. Throws when the schema does not have the expected shape, so a
 * changed layout is noticed at generate time rather than as a client of the wrong engine.
 */
export function toPostgresSchema(sqliteSchema: string): string {
  let providers = 0;
  let outputs = 0;
  const text = sqliteSchema
    .replace(/(datasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*)"sqlite"/, (_, head: string) => {
      providers += 1;
      return `${head}"postgresql"`;
    })
    .replace(/(generator\s+client\s*\{[^}]*?\boutput\s*=\s*)"[^"]*"/, (_, head: string) => {
      outputs += 1;
      return `${head}"${POSTGRES_CLIENT_OUTPUT}"`;
    });
  if (providers !== 1 || outputs !== 1) {
    throw new Error('prisma/schema.prisma: expected one sqlite datasource and one client generator with an output');
  }
  return `// Generated from prisma/schema.prisma by src/persistence/postgres-schema.ts; do not edit.\n${text}`;
}
