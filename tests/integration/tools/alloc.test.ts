/** /alloc, /alloc reorder and /alloc apply over the seeded demo database, through the real pipeline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';
import type { Db } from '../../../src/persistence/db.ts';
import type { Outcome } from '../../../src/bot/pipeline.ts';

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;
let now: Date;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
  p = testPipeline(db, now);
});

afterAll(async () => {
  await dispose();
});

const num = (s: string | undefined): number => Number((s ?? '').replace(/[^\d−-]/g, '').replace('−', '-'));

/** Available units of a SKU, straight from SQL. */
async function available(code: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT SUM(CASE WHEN l."onHand" > l."reserved" THEN l."onHand" - l."reserved" ELSE 0 END) AS n
      FROM "StockLevel" l JOIN "Sku" k ON k."id" = l."skuId" WHERE k."code" = ${code}`;
  return Number(rows[0]?.n ?? 0);
}

async function allocations(code: string): Promise<Record<string, { quantity: number; version: number }>> {
  const rows = await db.channelAllocation.findMany({ where: { sku: { code } }, include: { platform: true } });
  return Object.fromEntries(rows.map((r) => [r.platform.code, { quantity: r.quantity, version: r.version }]));
}

function applyCommand(out: Outcome): string {
  const action = out.reply.actions?.find((a) => a.command.startsWith('/alloc apply'));
  if (!action) throw new Error(`no Apply button in: ${replyText(out)}`);
  return action.command;
}

describe('/alloc <sku>', () => {
  it('splits WB-500 across platforms with reasons, a trial batch for aliexpress, and never more than exists', async () => {
    const out = await p.say('bob', '/alloc WB-500');
    expect(out.tool).toBe('alloc');
    expect(out.reply.kind).toBe('result');
    const [split, safety] = out.reply.tables ?? [];
    const rows = split?.rows ?? [];
    const ali = rows.find((r) => r.platform?.startsWith('aliexpress'));
    expect(ali?.platform).toBe('aliexpress (trial)');
    expect(ali?.suggested).toBe('100');
    expect(ali?.why).toContain('trial batch of 100');
    // Every platform line says why.
    for (const r of rows.filter((r) => r.platform !== 'unallocated')) expect(r.why?.length).toBeGreaterThan(10);
    // amazon-us: FBA stock runs out before the inbound shipment lands, and the reply says which one.
    const amazon = rows.find((r) => r.platform === 'amazon-us');
    const inbound = await db.inboundShipment.findFirst({ where: { sku: { code: 'WB-500' }, warehouse: { code: 'FBA-US' }, status: 'in_transit' } });
    expect(amazon?.why).toContain(`before ${inbound?.reference}`);
    // The suggested numbers plus what stays unallocated are exactly the available stock.
    const total = rows.reduce((a, r) => a + num(r.suggested), 0);
    expect(total).toBe(await available('WB-500'));
    // Safety stock two ways, and which is used.
    expect(safety?.columns.map((c) => c.label)).toEqual(['Platform', 'Forecast', 'Month', 'Rule 20–30 %', 'z·σ·√L', 'Used']);
    const us = safety?.rows.find((r) => r.platform === 'amazon-us');
    const month = num(us?.month);
    expect(month).toBeGreaterThan(800);
    const [low, high] = (us?.rule ?? '').split('–').map(num);
    expect(Math.abs((low ?? 0) - month * 0.2)).toBeLessThanOrEqual(1);
    expect(Math.abs((high ?? 0) - month * 0.3)).toBeLessThanOrEqual(1);
    expect(us?.used).toMatch(/^formula, \d+: \d+ d of history/);
    expect(safety?.rows.find((r) => r.platform === 'aliexpress')?.used).toMatch(/^rule, \d+: only \d+ d of history/);
    expect(replyText(out)).toMatch(/Suggestion AP-\d+ changes allocations by \d+ units/);
    expect(applyCommand(out)).toMatch(/^\/alloc apply AP-\d+$/);
  });

  it('stores the suggestion exactly as shown', async () => {
    const out = await p.say('bob', '/alloc WB-500');
    const id = Number(applyCommand(out).split('AP-')[1]);
    const stored = await db.planProposal.findUniqueOrThrow({ where: { id } });
    const lines = stored.lines as Array<{ platform: string; quantity: number }>;
    for (const row of out.reply.tables?.[0]?.rows.filter((r) => r.platform !== 'unallocated') ?? []) {
      const code = row.platform?.replace(' (trial)', '');
      expect(lines.find((l) => l.platform === code)?.quantity).toBe(num(row.suggested));
    }
    expect(stored).toMatchObject({ kind: 'allocation', subject: 'WB-500', status: 'open', createdBy: 'bob' });
  });

  it('answers in Chinese', async () => {
    const out = await p.say('bob', '/alloc WB-500', { localeHint: 'zh-CN' });
    expect(out.reply.title).toContain('库存分配');
    expect(out.reply.tables?.[1]?.title).toBe('安全库存：两种算法');
  });

  it('shows marketing the suggestion without an Apply button, and refuses customer service', async () => {
    const dan = await p.say('dan', '/alloc WB-500');
    expect(dan.reply.kind).toBe('result');
    expect(dan.reply.actions?.some((a) => a.command.startsWith('/alloc apply'))).toBe(false);
    const carol = await p.say('carol', '/alloc WB-500');
    expect(carol.reply.kind).toBe('denied');
  });

  it('suggests the right SKU for a typo and writes nothing', async () => {
    const before = await db.planProposal.count();
    const out = await p.say('bob', '/alloc WB-50O');
    expect(out.reply.kind).toBe('error');
    expect(out.reply.actions?.map((a) => a.command)).toContain('/alloc WB-500');
    expect(await db.planProposal.count()).toBe(before);
  });
});

describe('/alloc apply', () => {
  it('applies in one transaction with an AuditEvent, and only once', async () => {
    const out = await p.say('bob', '/alloc WB-500');
    const command = applyCommand(out);
    const expected = Object.fromEntries((out.reply.tables?.[0]?.rows ?? []).filter((r) => r.platform !== 'unallocated').map((r) => [r.platform?.replace(' (trial)', ''), num(r.suggested)]));
    const before = await allocations('WB-500');

    const applied = await p.say('bob', command);
    expect(applied.reply.kind).toBe('result');
    expect(applied.reply.summary).toMatch(/^AP-\d+ applied by Bob Li at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\.$/);
    const after = await allocations('WB-500');
    for (const [platform, quantity] of Object.entries(expected)) {
      expect(after[platform]?.quantity).toBe(quantity);
      expect(after[platform]?.version).toBe((before[platform]?.version ?? 0) + 1);
    }
    const audit = await db.auditEvent.findMany({ where: { action: 'allocation.apply', targetId: 'WB-500' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'bob', targetType: 'sku', via: 'console' });
    expect((audit[0]?.after as { allocation: Record<string, number> }).allocation).toEqual(expected);
    expect((audit[0]?.before as { allocation: Record<string, number> }).allocation['amazon-us']).toBe(before['amazon-us']?.quantity);

    const again = await p.say('alice', command);
    expect(again.reply.kind).toBe('error');
    expect(again.reply.summary).toMatch(/was already applied by bob at .* UTC\. Nothing changed\./);
    expect(await allocations('WB-500')).toEqual(after);
  });

  it('applies exactly once under concurrent clicks', async () => {
    const out = await p.say('alice', '/alloc BT-100');
    const command = applyCommand(out);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => p.say(i % 2 === 0 ? 'alice' : 'bob', command)));
    expect(results.filter((r) => r.reply.kind === 'result')).toHaveLength(1);
    for (const r of results.filter((r) => r.reply.kind !== 'result')) expect(r.reply.summary).toContain('was already applied by');
    expect(await db.auditEvent.count({ where: { action: 'allocation.apply', targetId: 'BT-100' } })).toBe(1);
  });

  it('refuses a suggestion made stale by another change, and writes nothing', async () => {
    const out = await p.say('bob', '/alloc SP-2');
    const command = applyCommand(out);
    const row = await db.channelAllocation.findFirstOrThrow({ where: { sku: { code: 'SP-2' } }, orderBy: { platformId: 'asc' } });
    await db.channelAllocation.update({ where: { id: row.id }, data: { quantity: row.quantity, version: { increment: 1 }, updatedBy: 'erin' } });
    const before = await allocations('SP-2');
    const refused = await p.say('bob', command);
    expect(refused.reply.kind).toBe('error');
    expect(refused.reply.summary).toMatch(/changed since AP-\d+ was made \(by erin at .*\)\. Nothing changed; get a fresh suggestion\./);
    expect(refused.reply.actions?.[0]?.command).toBe('/alloc SP-2');
    expect(await allocations('SP-2')).toEqual(before);
    const id = Number(command.split('AP-')[1]);
    expect((await db.planProposal.findUniqueOrThrow({ where: { id } })).status).toBe('open');
  });

  it('refuses a suggestion that no longer fits the stock, and one that expired', async () => {
    const out = await p.say('bob', '/alloc CN-LAV');
    const command = applyCommand(out);
    await db.stockLevel.updateMany({ where: { sku: { code: 'CN-LAV' } }, data: { onHand: 0, reserved: 0 } });
    const refused = await p.say('bob', command);
    expect(refused.reply.summary).toMatch(/allocates \d+ units but only 0 are available now\. Nothing changed/);

    const fresh = await p.say('bob', '/alloc YM-6');
    const later = testPipeline(db, new Date(now.getTime() + 25 * 3_600_000));
    const expired = await later.say('bob', applyCommand(fresh));
    expect(expired.reply.summary).toMatch(/^AP-\d+ expired at .* UTC: stock has moved since\. Nothing changed/);
  });

  it('refuses marketing, unknown ids and malformed ids', async () => {
    expect((await p.say('dan', '/alloc apply AP-1')).reply.kind).toBe('denied');
    expect((await p.say('bob', '/alloc apply AP-999999')).reply.summary).toBe('There is no allocation suggestion AP-999999.');
    const bad = await p.say('bob', '/alloc apply banana');
    expect(bad.reply.summary).toContain('a suggestion id looks like AP-12');
  });
});

describe('/alloc and /alloc reorder', () => {
  it('lists the SKUs that need action most, one line of reason each', async () => {
    const out = await p.say('alice', '/alloc');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThanOrEqual(12);
    for (const r of rows) expect(r.why).not.toContain(';');
    const wb = rows.find((r) => r.sku === 'WB-500');
    expect(wb?.action).toContain('expedite');
    expect(wb?.why).toMatch(/amazon-us runs out around \d{4}-\d{2}-\d{2}, before IS-\d{4}-\d{4} lands/);
    expect(out.reply.actions?.map((a) => a.command)).toContain('/alloc reorder');
  });

  it('lists what to order now, never below the MOQ', async () => {
    const out = await p.say('bob', '/alloc reorder');
    expect(out.tool).toBe('alloc-reorder');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    const skus = await db.sku.findMany({ where: { code: { in: rows.map((r) => r.sku ?? '') } }, select: { code: true, moq: true } });
    for (const r of rows) {
      expect(num(r.order)).toBeGreaterThanOrEqual(skus.find((s) => s.code === r.sku)?.moq ?? Infinity);
      expect(num(r.rop)).toBeGreaterThan(0);
    }
    expect(replyText(out)).toContain('Reorder point = forecast × lead time + safety stock');
  });
});
