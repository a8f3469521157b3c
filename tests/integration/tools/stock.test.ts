import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';
import type { Db } from '../../../src/persistence/db.ts';

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;
let today: Date;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  today = demo.referenceDate;
  // Noon on the reference day: the rate window is the 30 whole days before it.
  p = testPipeline(db, new Date(today.getTime() + 12 * 3_600_000));
});

afterAll(async () => {
  await dispose();
});

/** Units sold of a SKU on a platform in the 30 days before the reference date, straight from SQL. */
async function sold30(sku: string, platform: string): Promise<number> {
  const from = new Date(today.getTime() - 30 * 86_400_000);
  const rows = await db.$queryRaw<Array<{ units: number | bigint | null }>>`
    SELECT SUM(s."units") AS units FROM "SalesDaily" s JOIN "Sku" k ON k."id" = s."skuId" JOIN "Platform" p ON p."id" = s."platformId"
     WHERE k."code" = ${sku} AND p."code" = ${platform} AND s."day" >= ${from} AND s."day" < ${today}`;
  return Number(rows[0]?.units ?? 0);
}

describe('/stock', () => {
  it('shows WB-500 per warehouse and per platform with the numbers in the database', async () => {
    const out = await p.say('bob', '/stock WB-500');
    expect(out.tool).toBe('stock');
    expect(out.args).toEqual({ query: 'WB-500' });
    expect(out.reply.kind).toBe('result');
    const [warehouses, platforms] = out.reply.tables ?? [];
    expect(warehouses?.rows.map((r) => r.warehouse)).toContain('FBA-US (fba)');

    const amazon = platforms?.rows.find((r) => r.platform?.startsWith('amazon-us'));
    const expected = await sold30('WB-500', 'amazon-us');
    expect(expected).toBeGreaterThan(750);
    expect(amazon?.sold30).toBe(expected.toLocaleString('en-US'));
    expect(amazon?.perDay).toBe((Math.round((expected / 30) * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 }));
    expect(platforms?.rows.some((r) => r.platform?.startsWith('aliexpress'))).toBe(true);

    // Available per warehouse equals on hand minus reserved, as stored.
    const levels = await db.stockLevel.findMany({ where: { sku: { code: 'WB-500' } }, include: { warehouse: true } });
    for (const level of levels) {
      const row = warehouses?.rows.find((r) => r.warehouse?.startsWith(level.warehouse.code));
      expect(row?.available).toBe(Math.max(0, level.onHand - level.reserved).toLocaleString('en-US'));
    }
    expect(out.reply.summary).toMatch(/^Available [\d,]+ · selling [\d.,]+\/day over the last 30 days · \d+ d of cover · stock-out \d{4}-\d{2}-\d{2}$/);
  });

  it('narrows to one platform and the warehouses that serve it', async () => {
    const out = await p.say('bob', '/stock wb-500 amazon-us');
    expect(out.args).toEqual({ query: 'wb-500', platform: 'amazon-us' });
    const [platforms, warehouses] = out.reply.tables ?? [];
    expect(platforms?.rows).toHaveLength(1);
    expect(warehouses?.rows.map((r) => r.warehouse)).toEqual(['FBA-US (fba)']);
    expect(out.reply.title).toContain('amazon-us');
  });

  it('finds a SKU by a fragment of its product name, in English or Chinese', async () => {
    const en = await p.say('bob', '/stock toothbrush');
    const text = replyText(en);
    expect(text).toContain('BT-100');
    const zh = await p.say('bob', '/stock 保温');
    expect(replyText(zh)).toContain('WB-500');
    expect(zh.reply.locale).toBe('zh');
  });

  it('suggests near matches for an unknown SKU, as buttons', async () => {
    const out = await p.say('bob', '/stock WB-50O');
    expect(out.reply.kind).toBe('error');
    expect(out.reply.summary).toBe('No SKU matches “WB-50O”.');
    expect(out.reply.actions?.map((a) => a.command)).toContain('/stock WB-500');
  });

  it('says which platforms exist when the platform is unknown', async () => {
    const out = await p.say('bob', '/stock WB-500 amazon-xx');
    expect(out.reply.kind).toBe('error');
    expect(out.reply.summary).toContain('There is no platform “amazon-xx”');
    expect(out.reply.summary).toContain('amazon-us');
  });

  it('answers in Chinese for a Chinese-speaking user', async () => {
    const out = await p.say('bob', '/stock WB-500', { localeHint: 'zh-CN' });
    expect(out.reply.locale).toBe('zh');
    expect(out.reply.tables?.[0]?.title).toBe('按仓库');
  });

  it('is open to customer service too', async () => {
    const out = await p.say('carol', '/stock WB-500');
    expect(out.reply.kind).toBe('result');
  });
});

describe('/help and /whoami', () => {
  it('lists only what the user may run', async () => {
    const out = await p.say('carol', '/help');
    const commands = out.reply.tables?.[0]?.rows.map((r) => r.command?.split(' ')[0]);
    // Exactly the tools a cs member may run, in registry order (the registry grows with each issue).
    expect(commands).toEqual(p.pipeline.registry.allowedFor({ roles: ['cs'] }).map((t) => t.command.split(' ')[0]));
    expect(commands).toEqual(expect.arrayContaining(['/stock', '/help', '/whoami']));
    expect(out.reply.tables?.[0]?.rows.some((r) => r.command?.startsWith('/customer purge'))).toBe(false);
    expect(out.reply.summary).toContain('cs');
  });

  it('details one command', async () => {
    const out = await p.say('dan', '/help stock');
    expect(replyText(out)).toContain('/stock WB-500 amazon-us');
  });

  it('tells who you are and whether you see PII', async () => {
    const bob = await p.say('bob', '/whoami');
    expect(bob.reply.fields?.find((f) => f.label === 'Platforms owned')?.value).toBe('amazon-us');
    expect(replyText(bob)).toContain('masked');
    const carol = await p.say('carol', '/whoami');
    expect(replyText(carol)).toContain('in full');
  });
});
