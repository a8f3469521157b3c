/**
 * The pure parts of running on two engines: telling URLs apart, the per-dialect SQL pieces, the
 * derived PostgreSQL schema, and pointing a URL at another database.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dialectOfUrl, epochMs, isPostgresUrl, typedParam } from '../../../src/persistence/dialect.ts';
import { DEFAULT_SCHEMA_PATH } from '../../../src/persistence/migrate.ts';
import { withDatabase } from '../../../src/persistence/postgres-migration-adapter.ts';
import { toPostgresSchema } from '../../../src/persistence/postgres-schema.ts';

describe('dialect of a database URL', () => {
  it('knows file: as SQLite and postgres(ql):// as PostgreSQL, and refuses anything else', () => {
    expect(dialectOfUrl('file:./data/ops.db')).toBe('sqlite');
    expect(dialectOfUrl('postgresql://ops@db:5432/ops')).toBe('postgresql');
    expect(dialectOfUrl('postgres://ops@db/ops')).toBe('postgresql');
    expect(isPostgresUrl('POSTGRESQL://x@y/z')).toBe(true);
    expect(() => dialectOfUrl('mysql://root@db/ops')).toThrow('unsupported database URL: mysql:…');
  });
});

describe('per-dialect SQL pieces', () => {
  it('casts parameters only on PostgreSQL, to the column type', () => {
    expect(typedParam('sqlite', 7, 'int').sql).toBe('?');
    expect(typedParam('sqlite', 7, 'int').values).toEqual([7]);
    const json = typedParam('postgresql', '[1]', 'json');
    expect(json.text).toBe('CAST($1 AS jsonb)');
    expect(json.values).toEqual(['[1]']);
    expect(typedParam('postgresql', 0.5, 'float').text).toBe('CAST($1 AS double precision)');
  });

  it('reads DateTime columns as epoch milliseconds on both', () => {
    expect(epochMs('sqlite', 'o."orderedAt"')).toBe('o."orderedAt"');
    expect(epochMs('postgresql', 'o."orderedAt"')).toBe('(EXTRACT(EPOCH FROM o."orderedAt") * 1000)::bigint');
  });
});

describe('the derived PostgreSQL schema', () => {
  const schema = readFileSync(DEFAULT_SCHEMA_PATH, 'utf8');

  it('differs from schema.prisma only in the provider, the client output and its header', () => {
    const derived = toPostgresSchema(schema);
    expect(derived).toMatch(/^\/\/ Generated from prisma\/schema\.prisma/);
    expect(derived).toMatch(/provider\s*=\s*"postgresql"/);
    expect(derived).toMatch(/output\s*=\s*"\.\/prisma-pg"/);
    const strip = (text: string) => text.replace(/provider\s*=\s*"(sqlite|postgresql)"/, '').replace(/output\s*=\s*"[^"]*"/, '');
    expect(strip(derived.slice(derived.indexOf('\n') + 1))).toBe(strip(schema));
  });

  it('refuses a schema without the expected datasource', () => {
    expect(() => toPostgresSchema(schema.replace('"sqlite"', '"mysql"'))).toThrow(/expected one sqlite datasource/);
  });
});

describe('withDatabase', () => {
  it('keeps server, credentials and options and swaps the database', () => {
    expect(withDatabase('postgresql://ops:s3cret@db.internal:5432/postgres?sslmode=require', 'ops_test_1')).toBe(
      'postgresql://ops:s3cret@db.internal:5432/ops_test_1?sslmode=require',
    );
  });
});
