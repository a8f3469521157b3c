// Read by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` on a networked machine).
// The app itself never reads this file: src/config/env.ts owns the environment.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/ops.db' },
});
