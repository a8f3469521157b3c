/**
 * 50 Approve clicks at once on one request, through the real pipeline and the real SQLite
 * engine: the change is applied exactly once, the budget moves once, and everyone else is told
 * who approved it and when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';
import type { Db } from '../../../src/persistence/db.ts';

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 12 * 3_600_000));
});

afterAll(async () => {
  await dispose();
});

async function newRequest(text: string): Promise<{ id: string; budgetId: number }> {
  const out = await p.say('bob', text);
  const id = /BR-\d+/.exec(out.reply.title ?? '')?.[0];
  if (!id) throw new Error(`no request in ${out.reply.summary}`);
  const row = await db.budgetChangeRequest.findUniqueOrThrow({ where: { id: Number(id.slice(3)) } });
  return { id, budgetId: row.budgetId };
}

describe('concurrent approvals', () => {
  it('50 simultaneous Approve actions apply the change exactly once', async () => {
    const { id, budgetId } = await newRequest('/budget request amazon-us +3000 Cyber Monday');
    const before = await db.budget.findUniqueOrThrow({ where: { id: budgetId } });
    const clicks = Array.from({ length: 50 }, () => p.say('alice', `/budget approve ${id}`, { action: { id: 'approve', label: `Approve ${id}`, command: `/budget approve ${id}` } }));
    const results = await Promise.all(clicks);

    const applied = results.filter((r) => r.reply.kind === 'result');
    expect(applied).toHaveLength(1);
    const others = results.filter((r) => r.reply.kind !== 'result');
    expect(others).toHaveLength(49);
    for (const r of others) expect(r.reply.summary).toMatch(new RegExp(`^${id} was already approved by Alice Chen at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\. Nothing changed\\.$`));

    const after = await db.budget.findUniqueOrThrow({ where: { id: budgetId } });
    expect(Number(after.amount)).toBe(Number(before.amount) + 3000);
    expect(after.version).toBe(before.version + 1);
    expect(await db.budgetLedgerEntry.count({ where: { requestId: Number(id.slice(3)) } })).toBe(1);
    expect(await db.approvalDecision.count({ where: { requestId: Number(id.slice(3)) } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'budget.approve', actor: 'alice' } })).toBe(1);
    // No click hit an unexpected error.
    expect(p.logs.filter((l) => l.msg === 'unexpected error')).toEqual([]);
  });

  it('50 simultaneous clicks by two approvers on a two-approver request move the budget once', async () => {
    const { id, budgetId } = await newRequest('/budget request amazon-us +12000 Q4 push');
    const before = await db.budget.findUniqueOrThrow({ where: { id: budgetId } });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => p.say(i % 2 === 0 ? 'alice' : 'erin', `/budget approve ${id}`)));
    expect(results.filter((r) => r.reply.kind === 'result' && /approved by/.test(r.reply.summary ?? ''))).toHaveLength(1);
    expect(results.filter((r) => r.reply.kind === 'result' && /Approval 1 of 2/.test(r.reply.summary ?? ''))).toHaveLength(1);
    const after = await db.budget.findUniqueOrThrow({ where: { id: budgetId } });
    expect(Number(after.amount)).toBe(Number(before.amount) + 12_000);
    expect(after.version).toBe(before.version + 1);
    expect(await db.budgetLedgerEntry.count({ where: { requestId: Number(id.slice(3)) } })).toBe(1);
    expect(await db.approvalDecision.count({ where: { requestId: Number(id.slice(3)) } })).toBe(2);
    expect(p.logs.filter((l) => l.msg === 'unexpected error')).toEqual([]);
  });
});
