/** /campaign new, /campaign and /team through the real pipeline on the seeded demo database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignRules } from '../../../src/core/domain/campaigns/planning.ts';
import type { Db } from '../../../src/persistence/db.ts';
import { openDemoDb, type DemoDb } from '../../helpers/demo-db.ts';
import { replyText, testPipeline, type TestPipeline } from '../../helpers/pipeline.ts';

let demo: DemoDb;
let db: Db;
let p: TestPipeline;

beforeAll(async () => {
  demo = await openDemoDb();
  db = demo.db;
  p = testPipeline(db, new Date(demo.referenceDate.getTime() + 11 * 3_600_000));
});

afterAll(async () => {
  await demo.dispose();
});

/** Everything a rejected /campaign new might have written. */
const writes = async () => ({
  campaigns: await db.campaign.count(),
  mechanics: await db.campaignPlatform.count(),
  tasks: await db.task.count(),
  audits: await db.auditEvent.count({ where: { action: 'campaign.create' } }),
});

const openLoad = async (handle: string) => db.task.count({ where: { assignee: { handle }, status: { in: ['open', 'in_progress'] } } });

describe('/campaign new', () => {
  it('plans the campaign per platform and hands out a poster and a copy task per platform', async () => {
    const loadsBefore = { bob: await openLoad('bob'), dan: await openLoad('dan') };
    const out = await p.say('dan', '/campaign new "Spring launch" 2026-12-01 2026-12-10 amazon-us tiktok-us shopify');
    expect(out.reply.kind).toBe('result');
    expect(out.reply.summary).toBe('spring-launch runs 2026-12-01 → 2026-12-10 on 3 platforms; 6 tasks handed out.');

    const c = await db.campaign.findUniqueOrThrow({ where: { code: 'spring-launch' }, include: { platforms: { include: { platform: true } }, tasks: { include: { assignee: true, platform: true } } } });
    expect(c).toMatchObject({ name: 'Spring launch', status: 'planned' });
    expect(c.startsOn.toISOString().slice(0, 10)).toBe('2026-12-01');
    const mech = Object.fromEntries(c.platforms.map((x) => [x.platform.code, x.mechanics as Record<string, unknown>]));
    // A teaser on the social-first platform, a promotion zone on the marketplace, a code in the own store.
    expect(mech['tiktok-us']).toMatchObject({ type: 'teaser+flash-sale', teaserFromDaysBefore: 5 });
    expect(mech['amazon-us']).toMatchObject({ type: 'promotion-zone', promotionZone: 'Deals page (Lightning Deals)' });
    expect(mech.shopify).toMatchObject({ type: 'sitewide-code', code: 'SPRING26' });

    // Every discount keeps the margin floor on every hero SKU, recomputed here from the database.
    const r = campaignRules();
    for (const x of c.platforms) {
      const m = x.mechanics as { discountPct?: number; flashSaleDiscountPct?: number; heroSkus: string[] };
      const d = (m.discountPct ?? m.flashSaleDiscountPct ?? 0) / 100;
      expect(m.heroSkus.length).toBeGreaterThan(0);
      for (const code of m.heroSkus) {
        const listing = await db.listing.findFirstOrThrow({ where: { sku: { code }, platformId: x.platformId }, include: { sku: true } });
        const price = Number(listing.price);
        const cost = (Number(listing.sku.unitCost) * r.fxToUsd[listing.sku.costCurrency]!) / r.fxToUsd[listing.currency]!;
        const net = price * (1 - d) * (1 - x.platform.commissionRate) - cost - r.margin.otherCostsPct * price;
        expect(net, `${code} on ${x.platform.code}`).toBeGreaterThanOrEqual(r.margin.minMarginPct * price * (1 - d) - 1e-9);
      }
    }

    // Posters to marketing (dan), copy to the platform's owner (bob owns amazon-us), load balanced.
    const tasks = c.tasks.map((t) => ({ kind: t.kind, platform: t.platform?.code, who: t.assignee?.handle }));
    expect(tasks.filter((t) => t.kind === 'poster').map((t) => t.who)).toEqual(['dan', 'dan', 'dan']);
    expect(tasks.find((t) => t.kind === 'copy' && t.platform === 'amazon-us')?.who).toBe('bob');
    const after = { bob: await openLoad('bob'), dan: await openLoad('dan') };
    expect(after.bob - loadsBefore.bob + after.dan - loadsBefore.dan).toBe(6);
    expect(Math.abs(after.bob - after.dan)).toBeLessThanOrEqual(Math.max(1, Math.abs(loadsBefore.bob + 3 - (loadsBefore.dan + 3))));
    expect(c.tasks.every((t) => t.status === 'open' && t.dueOn !== null && t.dueOn <= c.startsOn)).toBe(true);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'campaign.create', targetId: 'spring-launch' } });
    expect(audit.actor).toBe('dan');
    expect(out.reply.actions?.map((a) => a.command)).toContain('/campaign spring-launch');
  });

  it.each([
    ['/campaign new Oops 2026-12-10 2026-12-01 amazon-us', 'the end (2026-12-01) is before the start (2026-12-10)'],
    ['/campaign new Oops 2026-02-30 2026-03-10 amazon-us', 'the start date is not a real calendar day'],
    ['/campaign new Oops 12/01/2026 2026-12-10 amazon-us', 'the start date must look like 2026-12-01'],
    ['/campaign new Oops 2026-12-01 2026-12-10', 'name at least one platform'],
    ['/campaign new Oops 2026-12-01 2026-12-10 amazon-xx', 'There is no platform “amazon-xx”'],
    ['/campaign new Oops 2026-01-01 2026-01-10 amazon-us', 'before today (2026-11-20)'],
    ['/campaign new Oops 2026-12-01 2027-06-01 amazon-us', 'a campaign runs at most 92 days'],
    ['/campaign new "Spring launch" 2027-01-01 2027-01-10 shopify', 'There is already a campaign spring-launch'],
    ['/campaign new 双十一 2026-12-01 2026-12-10 shopify', '无法生成活动代号'],
  ])('%s gets a clear answer and writes nothing', async (text, message) => {
    const before = await writes();
    const out = await p.say('dan', text);
    expect(out.reply.kind).toBe('error');
    expect(replyText(out)).toContain(message);
    expect(await writes()).toEqual(before);
  });

  it('is for marketing, managers and admins', async () => {
    const before = await writes();
    for (const who of ['bob', 'carol']) expect((await p.say(who, '/campaign new Test 2026-12-01 2026-12-10 shopify')).reply.kind).toBe('denied');
    expect(await writes()).toEqual(before);
  });
});

describe('/campaign', () => {
  it('lists the campaigns with their status on the pinned day', async () => {
    const out = await p.say('carol', '/campaign');
    const rows = out.reply.tables?.[0]?.rows ?? [];
    expect(rows.map((r) => r.code)).toEqual(['11-11', 'black-friday', 'spring-launch', 'anniversary']);
    expect(rows.find((r) => r.code === 'black-friday')?.status).toBe('running');
    expect(rows.find((r) => r.code === '11-11')?.status).toBe('ended');
  });

  it('shows one campaign’s mechanics, tasks and copy status', async () => {
    await p.say('dan', '/copy WB-500 black-friday amazon-us 2');
    const out = await p.say('bob', '/campaign black-friday');
    const [mechanics, tasks, copy] = out.reply.tables ?? [];
    expect(mechanics?.rows.find((r) => r.platform === 'amazon-us')?.mechanics).toContain('25% off');
    expect(tasks?.rows.some((r) => r.assignee === 'dan' && r.kind === 'poster')).toBe(true);
    expect(copy?.rows.find((r) => r.platform === 'amazon-us')).toEqual({ platform: 'amazon-us', approved: '0', draft: '2' });
    const unknown = await p.say('bob', '/campaign cyber-week');
    expect(unknown.reply.summary).toContain('There is no campaign “cyber-week”');
  });
});

describe('/team', () => {
  it('shows the roster, who owns which platform, and the open tasks per person', async () => {
    const out = await p.say('carol', '/team');
    const [roster, owners, tasks] = out.reply.tables ?? [];
    expect(roster?.rows.map((r) => r.handle)).toEqual(['alice', 'bob', 'carol', 'dan', 'erin']);
    expect(roster?.rows.find((r) => r.handle === 'bob')).toMatchObject({ roles: 'staff', platforms: 'amazon-us', open: String(await db.task.count({ where: { assignee: { handle: 'bob' }, status: 'open' } })) });
    expect(owners?.rows.find((r) => r.platform === 'amazon-us')?.owners).toBe('bob');
    expect(owners?.rows.find((r) => r.platform === 'tiktok-us')?.owners).toBe('nobody');
    const open = await db.task.count({ where: { status: { in: ['open', 'in_progress'] } } });
    expect(tasks?.rows).toHaveLength(open);
    // Grouped per person.
    const who = tasks?.rows.map((r) => r.assignee) ?? [];
    expect(who).toEqual([...who].sort());
    expect(tasks?.rows.some((r) => r.campaign === 'spring-launch' && r.assignee === 'bob' && r.kind === 'copy')).toBe(true);
    expect(out.reply.notes?.join(' ')).toContain('Nobody owns');
  });

  it('is for team members only', async () => {
    const stranger = await p.pipeline.handle({ via: 'slack', user: { platformUserId: 'U0NOBODY1' }, channelId: 'C1', text: '/team' });
    expect(stranger.reply.kind).toBe('denied');
  });
});
