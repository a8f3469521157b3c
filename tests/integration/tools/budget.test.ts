/**
 * /budget, /budget suggest, /budget request, /budget approve and /budget reject over the seeded
 * demo database, through the real pipeline: the rules, what gets written and what never does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { periodOf } from '../../../src/core/domain/budget/amount.ts';
import { expirePendingRequests } from '../../../src/core/domain/budget/request-service.ts';
import { startExpiryJob } from '../../../src/core/domain/budget/expiry-job.ts';
import { markDelivered, pendingNotifications } from '../../../src/core/domain/notify/outbox.ts';

let db: Db;
let dispose: () => Promise<void>;
let p: TestPipeline;
let now: Date;
let thisMonth: string;
let nextMonth: string;

beforeAll(async () => {
  const demo = await openDemoDb();
  db = demo.db;
  dispose = demo.dispose;
  now = new Date(demo.referenceDate.getTime() + 12 * 3_600_000);
  thisMonth = periodOf(now);
  nextMonth = periodOf(now, 1);
  p = testPipeline(db, now);
});

afterAll(async () => {
  await dispose();
});

const usd = (s: string | undefined): number => Number((s ?? '').replace(/[^\d.−-]/g, '').replace('−', '-'));

async function budget(platform: string, period = thisMonth, purpose: 'ads' | 'inventory' | 'exploration' = 'ads') {
  return db.budget.findFirstOrThrow({ where: { period, purpose, platform: { code: platform } } });
}

/** Makes a request and returns its id, e.g. "BR-3". */
async function request(handle: string, text: string): Promise<string> {
  const out = await p.say(handle, text);
  if (out.reply.kind !== 'result') throw new Error(replyText(out));
  const id = /BR-\d+/.exec(out.reply.title ?? '')?.[0];
  if (!id) throw new Error(`no request id in ${out.reply.title}`);
  return id;
}

/** Counts of every table a budget decision writes to. */
async function writes() {
  return {
    budgets: (await db.budget.findMany({ select: { amount: true, version: true }, orderBy: { id: 'asc' } })).map((b) => `${b.amount.toString()}@${b.version}`).join(','),
    ledger: await db.budgetLedgerEntry.count(),
    decisions: await db.approvalDecision.count(),
    audits: await db.auditEvent.count(),
    notifications: await db.notification.count(),
    requests: (await db.budgetChangeRequest.findMany({ select: { status: true }, orderBy: { id: 'asc' } })).map((r) => r.status).join(','),
  };
}

describe('/budget suggest', () => {
  it('splits 80,000 for next month with a reason on every line, and flags ads that sell nothing', async () => {
    const out = await p.say('bob', `/budget suggest ${nextMonth} 80000`);
    expect(out.tool).toBe('budget-suggest');
    expect(out.reply.kind).toBe('result');
    expect(out.reply.title).toMatch(new RegExp(`^Ads budget suggestion BS-\\d+ · ${nextMonth} · \\$80,000$`));
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows.map((r) => r.platform).sort()).toEqual(['aliexpress', 'amazon-de', 'amazon-us', 'shopee-my', 'shopify', 'tiktok-us']);
    expect(rows.reduce((a, r) => a + usd(r.amount), 0)).toBe(80_000);
    for (const r of rows) expect(r.why?.length).toBeGreaterThan(10);
    expect(rows.find((r) => r.platform === 'tiktok-us')?.why).toContain('exploration share');
    expect(rows.find((r) => r.platform === 'amazon-us')?.why).toMatch(/ROAS [\d.]+; next dollar returns [\d.]+/);
    expect(out.reply.summary).toContain('diminishing-returns curve');
    expect(replyText(out)).toContain('Stop or fix “SP - Cork Yoga Mat - Broad” on amazon-de');
    expect(out.reply.actions?.[0]).toMatchObject({ label: 'Request these changes', style: 'primary' });
    expect(out.reply.actions?.[0]?.command).toMatch(/^\/budget request BS-\d+$/);
  });

  it('accepts 80k and 8万, in English and Chinese', async () => {
    const k = await p.say('bob', `/budget suggest ${nextMonth} 80k`);
    expect(k.args).toMatchObject({ total: 80_000 });
    const wan = await p.say('bob', `/budget suggest ${nextMonth} 8万`);
    expect(wan.args).toMatchObject({ total: 80_000 });
    expect(wan.reply.locale).toBe('zh');
    expect(wan.reply.title).toContain('广告预算建议');
  });

  it('refuses a malformed or past period and a bad total, writing nothing', async () => {
    const before = await db.planProposal.count();
    expect((await p.say('bob', '/budget suggest 2026-13 80000')).reply.summary).toContain('a period is a month like 2026-12');
    expect((await p.say('bob', '/budget suggest 2020-01 80000')).reply.summary).toContain('A suggestion is for this month or a later one');
    expect((await p.say('bob', `/budget suggest ${nextMonth} -5`)).reply.summary).toContain('the total must be at least 100');
    expect((await p.say('bob', `/budget suggest ${nextMonth} lots`)).reply.summary).toContain('“lots” is not an amount');
    expect((await p.say('bob', `/budget suggest ${nextMonth} 999999999`)).reply.summary).toContain('the total must be at most 10,000,000');
    expect(await db.planProposal.count()).toBe(before);
  });

  it('turns a suggestion into change requests with its button, once', async () => {
    const out = await p.say('bob', `/budget suggest ${nextMonth} 60000`);
    const command = out.reply.actions?.[0]?.command ?? '';
    const requested = await p.say('bob', command);
    expect(requested.reply.kind).toBe('result');
    const rows = requested.reply.tables?.[0]?.rows ?? [];
    expect(rows.length).toBeGreaterThan(2);
    const ids = rows.map((r) => Number(r.id?.slice(3)));
    const stored = await db.budgetChangeRequest.findMany({ where: { id: { in: ids } }, include: { budget: true } });
    for (const r of stored) {
      expect(r).toMatchObject({ status: 'pending', baseVersion: r.budget.version, requesterId: 2 });
      expect(r.requiredApprovals).toBe(Math.abs(Number(r.delta)) >= 10_000 ? 2 : 1);
      expect(r.reason).toMatch(/^From BS-\d+ \(split of \$60,000\)/);
    }
    const again = await p.say('bob', command);
    expect(again.reply.kind).toBe('error');
    expect(again.reply.summary).toMatch(/was already turned into requests by bob at/);
    // Tidy up: these requests are not part of the tests below.
    await db.budgetChangeRequest.updateMany({ where: { id: { in: ids } }, data: { status: 'rejected' } });
  });
});

describe('/budget request and approve', () => {
  it('posts an approval card, and applies the change with a ledger entry and an audit, exactly once', async () => {
    const line = await budget('amazon-us');
    const id = await request('bob', '/budget request amazon-us +2000 Black Friday push on WB-500');
    const req = await db.budgetChangeRequest.findUniqueOrThrow({ where: { id: Number(id.slice(3)) } });
    expect(req).toMatchObject({ status: 'pending', baseVersion: line.version, requiredApprovals: 1, reason: 'Black Friday push on WB-500' });
    expect(req.expiresAt.getTime() - now.getTime()).toBe(72 * 3_600_000);
    const card = (await db.notification.findMany({ where: { subject: id } }))[0];
    expect(card).toMatchObject({ topic: 'budget.request', channel: 'approvals', recipientId: null });
    const cardReply = card?.reply as { actions: Array<{ command: string }> };
    expect(cardReply.actions.map((a) => a.command)).toEqual([`/budget approve ${id}`, `/budget reject ${id}`]);

    const approved = await p.say('alice', `/budget approve ${id}`);
    expect(approved.reply.kind).toBe('result');
    expect(approved.reply.summary).toMatch(new RegExp(`^${id} approved by Alice Chen at .* UTC: amazon-us · ads · ${thisMonth} \\$17,000 → \\$19,000 \\(version ${line.version + 1}\\)\\.$`));
    expect(approved.reply.actions ?? []).toEqual([]);
    const after = await budget('amazon-us');
    expect(Number(after.amount)).toBe(Number(line.amount) + 2000);
    expect(after.version).toBe(line.version + 1);
    const ledger = await db.budgetLedgerEntry.findMany({ where: { requestId: req.id } });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ budgetId: line.id });
    expect([Number(ledger[0]?.before), Number(ledger[0]?.delta), Number(ledger[0]?.after)]).toEqual([17_000, 2_000, 19_000]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'budget.approve', targetId: `${thisMonth}:amazon-us:ads` } });
    expect(audit).toMatchObject({ actor: 'alice', targetType: 'budget' });
    expect(audit.before).toMatchObject({ amount: '17000', version: line.version });
    expect(audit.after).toMatchObject({ amount: '19000', version: line.version + 1, approvedBy: ['Alice Chen'] });
    // The requester is told, and the card in the approvals channel is updated.
    const told = await db.notification.findFirstOrThrow({ where: { subject: id, recipientId: 2 } });
    expect((told.reply as { summary: string }).summary).toContain('approved by Alice Chen');
    expect(await db.notification.count({ where: { subject: id, channel: 'approvals', topic: 'budget.decision' } })).toBe(1);

    const before = await writes();
    const again = await p.say('erin', `/budget approve ${id}`);
    expect(again.reply.summary).toMatch(new RegExp(`^${id} was already approved by Alice Chen at .* UTC\\. Nothing changed\\.$`));
    expect(await writes()).toEqual(before);
  });

  it('lets only managers and admins decide, never on their own request', async () => {
    const id = await request('bob', '/budget request amazon-de +500 test the new listing');
    const before = await writes();
    const bob = await p.say('bob', `/budget approve ${id}`);
    expect(bob.reply.kind).toBe('denied');
    expect(bob.reply.summary).toBe('You can’t run /budget approve: it needs the role manager / admin. Your roles: staff.');
    expect((await p.say('dan', `/budget approve ${id}`)).reply.kind).toBe('denied');
    expect((await p.say('carol', `/budget reject ${id} no`)).reply.kind).toBe('denied');
    expect(await writes()).toEqual(before);

    const own = await request('alice', '/budget request amazon-de +300 my own idea');
    const selfApproval = await p.say('alice', `/budget approve ${own}`);
    expect(selfApproval.reply.kind).toBe('denied');
    expect(selfApproval.reply.summary).toBe(`You can’t decide ${own}: it is your own request. Another manager or admin must.`);
    const ok = await p.say('erin', `/budget approve ${own}`);
    expect(ok.reply.kind).toBe('result');
  });

  it('needs two different approvers at or above the threshold', async () => {
    const line = await budget('aliexpress', nextMonth);
    const id = await request('bob', `/budget request aliexpress +15k ${nextMonth} scale the affiliate channel`);
    const first = await p.say('alice', `/budget approve ${id}`);
    expect(first.reply.summary).toBe(`Approval 1 of 2 for ${id} recorded (Alice Chen); it needs another approver.`);
    expect(first.reply.actions?.map((a) => a.command)).toEqual([`/budget approve ${id}`, `/budget reject ${id}`]);
    expect(Number((await budget('aliexpress', nextMonth)).amount)).toBe(Number(line.amount));
    const twice = await p.say('alice', `/budget approve ${id}`);
    expect(twice.reply.summary).toMatch(/^You already approved BR-\d+ at .*; it needs 1 more approver\(s\), someone else\.$/);
    const second = await p.say('erin', `/budget approve ${id}`);
    expect(second.reply.summary).toContain(`${id} approved by Erin Walsh`);
    const after = await budget('aliexpress', nextMonth);
    expect(Number(after.amount)).toBe(Number(line.amount) + 15_000);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'budget.approve', targetId: `${nextMonth}:aliexpress:ads` } });
    expect(audit.after).toMatchObject({ approvedBy: ['Alice Chen', 'Erin Walsh'] });
  });

  it('refuses a request made stale by another change, and writes nothing', async () => {
    const a = await request('bob', '/budget request shopify +100 more Google Shopping');
    const b = await request('dan', '/budget request shopify +200 Meta retargeting');
    expect((await p.say('alice', `/budget approve ${a}`)).reply.kind).toBe('result');
    const before = await writes();
    const stale = await p.say('alice', `/budget approve ${b}`);
    expect(stale.reply.kind).toBe('error');
    expect(stale.reply.summary).toMatch(new RegExp(`^${b} is stale: it was made from budget version 1, and the budget has changed since \\(now version 2, at .* UTC\\)\\.`));
    expect(await writes()).toEqual(before);
  });

  it('refuses an expired request without writing, and the schedule marks it expired with an audit', async () => {
    const id = await request('bob', '/budget request tiktok-us +400 creator fees');
    const later = testPipeline(db, new Date(now.getTime() + 73 * 3_600_000));
    const before = await writes();
    const out = await later.say('alice', `/budget approve ${id}`);
    expect(out.reply.summary).toMatch(new RegExp(`^${id} expired at .* UTC; it can no longer be decided\\.`));
    expect(await writes()).toEqual(before);
    const overview = await later.say('alice', '/budget');
    expect(overview.reply.tables?.[1]?.rows.find((r) => r.id === id)?.expires).toBe('expired');

    let expired = -1;
    const job = startExpiryJob(db, { pattern: '0 0 1 1 *', now: () => new Date(now.getTime() + 73 * 3_600_000), onRun: (n) => (expired = n) });
    try {
      await job.trigger();
    } finally {
      job.stop();
    }
    expect(expired).toBeGreaterThanOrEqual(1);
    expect((await db.budgetChangeRequest.findUniqueOrThrow({ where: { id: Number(id.slice(3)) } })).status).toBe('expired');
    expect(await db.auditEvent.count({ where: { action: 'budget.expire', targetId: id, actor: 'system', via: 'job' } })).toBe(1);
    // Running again finds nothing new.
    expect(await expirePendingRequests(db, new Date(now.getTime() + 73 * 3_600_000))).toBe(0);
    const after = await later.say('erin', `/budget approve ${id}`);
    expect(after.reply.summary).toContain('expired at');
  });

  it('needs a reason to reject, asks for it with the typed form, and tells the requester', async () => {
    const id = await request('bob', '/budget request amazon-de +700 Prime Big Deal Days');
    const before = await writes();
    const bare = await p.say('alice', `/budget reject ${id}`);
    expect(bare.reply.kind).toBe('error');
    expect(bare.reply.summary).toBe(`Say why you reject ${id}: the requester will read it.`);
    expect(bare.reply.notes).toEqual([`Type: /budget reject ${id} <reason>`]);
    expect(await writes()).toEqual(before);
    const rejected = await p.say('alice', `/budget reject ${id} ROAS too low on DE`);
    expect(rejected.reply.summary).toMatch(new RegExp(`^${id} rejected by Alice Chen at .* UTC: ROAS too low on DE$`));
    const told = await db.notification.findFirstOrThrow({ where: { subject: id, recipientId: 2 } });
    expect((told.reply as { summary: string }).summary).toContain('rejected by Alice Chen');
    const approveAfter = await p.say('erin', `/budget approve ${id}`);
    expect(approveAfter.reply.summary).toMatch(/was already rejected by Alice Chen at .* \(ROAS too low on DE\)\. Nothing changed\./);
  });

  it('answers bad input clearly and writes nothing', async () => {
    const before = await writes();
    const cases: Array<[string, string | RegExp]> = [
      ['/budget request amazon-xx +500 test', 'There is no platform “amazon-xx”'],
      ['/budget request amazon-us 500 test', 'write it with its sign, like +5000'],
      ['/budget request amazon-us +0 nothing', 'a change of 0 changes nothing'],
      ['/budget request amazon-us -99999 cut everything', /is larger than the budget itself/],
      ['/budget request amazon-us +5000000 oops', 'looks like a typo'],
      ['/budget request amazon-us +500 2026-13 bad month', 'a period is a month like 2026-12'],
      ['/budget request shopify +500 2031-01 far away', 'There is no ads budget for shopify in 2031-01'],
      ['/budget request amazon-us +500', 'say why'],
      ['/budget approve BR-999999', 'There is no budget change request BR-999999.'],
      ['/budget approve twelve', 'a request id looks like BR-12'],
      ['/budget 2026-99', 'a period is a month like 2026-12'],
      ['/budget 2031-01', 'There are no budgets for 2031-01'],
    ];
    for (const [text, expected] of cases) {
      const out = await p.say(text.includes('approve') ? 'alice' : 'bob', text);
      expect(out.reply.kind, text).not.toBe('result');
      expect(replyText(out), text).toMatch(typeof expected === 'string' ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : expected);
    }
    expect(await writes()).toEqual(before);
  });
});

describe('/budget', () => {
  it('shows budgets with spend to date, pending requests with their age, and the asker’s outcomes', async () => {
    const id = await request('dan', '/budget request tiktok-us +250 more LIVE shows');
    const later = testPipeline(db, new Date(now.getTime() + 3 * 3_600_000));
    const out = await later.say('alice', '/budget');
    const [lines, pending] = out.reply.tables ?? [];
    const us = lines?.rows.find((r) => r.platform === 'amazon-us' && r.purpose === 'ads');
    expect(usd(us?.spent)).toBeGreaterThan(0);
    expect(lines?.rows.find((r) => r.purpose === 'inventory')?.spent).toBe('—');
    const mine = pending?.rows.find((r) => r.id === id);
    expect(mine).toMatchObject({ by: 'Dan Okafor', age: '3 h', approvals: '0/1', change: '+$250' });
    expect(out.reply.actions?.map((a) => a.command)).toContain(`/budget approve ${id}`);

    const bob = await later.say('bob', '/budget');
    const own = bob.reply.tables?.find((t) => t.title === 'Your recent requests');
    expect(own?.rows.some((r) => /approved by Alice Chen at/.test(r.outcome ?? ''))).toBe(true);
    expect(own?.rows.some((r) => /rejected by Alice Chen at .*: ROAS too low on DE/.test(r.outcome ?? ''))).toBe(true);
    // Bob may not approve, so he gets no approve buttons.
    expect(bob.reply.actions?.some((a) => a.command.startsWith('/budget approve'))).toBe(false);
  });

  it('keeps an outbox of cards and decisions for the chat adapters, each delivered once', async () => {
    const pending = await pendingNotifications(db, 500);
    expect(pending.length).toBeGreaterThan(0);
    const first = pending[0];
    if (!first) throw new Error('no notification');
    expect(await markDelivered(db, first.id, now)).toBe(true);
    expect(await markDelivered(db, first.id, now)).toBe(false);
    expect((await pendingNotifications(db, 500)).some((n) => n.id === first.id)).toBe(false);
  });
});
