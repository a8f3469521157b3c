/** Prepared statements are shared per SQL text on the app's SQLite connection, with the same results. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheStatements } from '../../../src/persistence/sqlite-statement-cache.ts';
import { createTempDb, type TempDb } from '../../helpers/temp-db.ts';

let temp: TempDb;

beforeAll(async () => {
  temp = await createTempDb();
});

afterAll(async () => {
  await temp?.dispose();
});

describe('cacheStatements on a real better-sqlite3 connection', () => {
  it('prepares each SQL text once, binds fresh arguments per call, and drops the least recently used', () => {
    const db = new Database(':memory:');
    const prepared: string[] = [];
    const original = db.prepare.bind(db);
    (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
      prepared.push(sql);
      return original(sql);
    };
    cacheStatements(db as unknown as { prepare(sql: string): unknown }, 2);
    type Shared = { reader: boolean; run(): unknown; bind(args: unknown[]): { reader: boolean; run(): unknown; raw(): { all(): unknown[] } } };
    const prepare = (sql: string) => (db as unknown as { prepare(sql: string): Shared }).prepare(sql);

    prepare('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)').run();
    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([id, name]).run();
    const select = 'SELECT name FROM t WHERE id = ?';
    expect(prepare(select).bind([1]).raw().all()).toEqual([['a']]);
    expect(prepare(select).bind([3]).raw().all()).toEqual([['c']]);
    expect(prepare(select).reader).toBe(true);
    expect(prepared.filter((s) => s.startsWith('INSERT'))).toHaveLength(1);
    expect(prepared.filter((s) => s === select)).toHaveLength(1);

    // Capacity 2: the CREATE statement was dropped long ago, the SELECT stays while it is used.
    prepare('SELECT count(*) FROM t').bind([]).raw().all();
    prepare(select).bind([2]).raw().all();
    prepare('SELECT 1').bind([]).raw().all();
    expect(prepare(select).bind([2]).raw().all()).toEqual([['b']]);
    expect(prepared.filter((s) => s === select)).toHaveLength(1);
    prepare('SELECT count(*) FROM t').bind([]).raw().all();
    expect(prepared.filter((s) => s === 'SELECT count(*) FROM t')).toHaveLength(2);
    db.close();
  });

  it('keeps the Prisma client correct: reads with different arguments, writes and rolled-back transactions', async () => {
    const { db } = temp;
    await db.platform.create({ data: { code: 'amazon-us', name: 'Amazon US', marketplace: 'amazon', region: 'US', country: 'US', currency: 'USD', stage: 'mature', commissionRate: 0.15, launchedOn: new Date('2020-01-01') } });
    await db.platform.create({ data: { code: 'shopify', name: 'Shopify', marketplace: 'shopify', region: 'US', country: 'US', currency: 'USD', stage: 'growing', commissionRate: 0.03, launchedOn: new Date('2021-01-01') } });
    for (let i = 0; i < 3; i++) {
      expect((await db.platform.findUniqueOrThrow({ where: { code: 'amazon-us' } })).name).toBe('Amazon US');
      expect((await db.platform.findUniqueOrThrow({ where: { code: 'shopify' } })).name).toBe('Shopify');
    }
    await expect(db.$transaction(async (tx) => {
      await tx.platform.update({ where: { code: 'shopify' }, data: { name: 'Renamed' } });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect((await db.platform.findUniqueOrThrow({ where: { code: 'shopify' } })).name).toBe('Shopify');
    await db.$transaction(async (tx) => tx.platform.update({ where: { code: 'shopify' }, data: { name: 'Shopify store' } }));
    expect((await db.platform.findUniqueOrThrow({ where: { code: 'shopify' } })).name).toBe('Shopify store');
  });
});
