/**
 * Campaigns in the database: creating one with its per-platform mechanics and the team's
 * tasks (in the caller's transaction), and reading the plan back. Set-based reads.
 */
import type { Db } from '../../../persistence/db.ts';
import type { Role } from '../../roles.ts';
import type { Tx } from '../../tool.ts';
import { addDays, startOfUtcDay, RATE_WINDOW_DAYS } from '../inventory/cover.ts';
import { assignTasks, campaignRules, planMechanics, type AssignableMember, type HeroSku, type TaskToAssign } from './planning.ts';

/** Turns a campaign name into its command handle: "Summer Refresh" → "summer-refresh". */
export function campaignCodeFor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** Status of a campaign on a day. */
export function campaignStatus(startsOn: Date, endsOn: Date, now: Date): 'planned' | 'running' | 'ended' {
  const today = startOfUtcDay(now);
  if (today < startOfUtcDay(startsOn)) return 'planned';
  if (today > startOfUtcDay(endsOn)) return 'ended';
  return 'running';
}

/** The SKUs a campaign leads with on each platform: the best sellers of the last 30 days, else any live listing. */
async function heroSkus(tx: Tx, platformIds: number[], now: Date, perPlatform: number): Promise<Map<number, HeroSku[]>> {
  const today = startOfUtcDay(now);
  const [sales, listings] = await Promise.all([
    tx.salesDaily.groupBy({
      by: ['platformId', 'skuId'],
      where: { platformId: { in: platformIds }, day: { gte: addDays(today, -RATE_WINDOW_DAYS), lt: today } },
      _sum: { units: true },
    }),
    tx.listing.findMany({
      where: { platformId: { in: platformIds }, status: 'active', sku: { active: true } },
      select: { platformId: true, skuId: true, price: true, currency: true, sku: { select: { code: true, unitCost: true, costCurrency: true } } },
    }),
  ]);
  const sold = new Map(sales.map((s) => [`${s.platformId}|${s.skuId}`, s._sum.units ?? 0]));
  const out = new Map<number, HeroSku[]>();
  for (const id of platformIds) {
    const heroes = listings
      .filter((l) => l.platformId === id)
      .sort((a, b) => (sold.get(`${id}|${b.skuId}`) ?? 0) - (sold.get(`${id}|${a.skuId}`) ?? 0) || a.sku.code.localeCompare(b.sku.code))
      .slice(0, perPlatform)
      .map((l) => ({ code: l.sku.code, price: Number(l.price), currency: l.currency, unitCost: Number(l.sku.unitCost), costCurrency: l.sku.costCurrency }));
    out.set(id, heroes);
  }
  return out;
}

/** Active team members with their roles, owned platforms and current load. */
export async function assignableMembers(db: Db | Tx): Promise<AssignableMember[]> {
  const [members, loads] = await Promise.all([
    db.teamMember.findMany({
      where: { active: true },
      select: { id: true, handle: true, roles: { select: { role: true } }, platformsOwned: { select: { platform: { select: { code: true } } } } },
      orderBy: { handle: 'asc' },
    }),
    db.task.groupBy({ by: ['assigneeId'], where: { status: { in: ['open', 'in_progress'] }, assigneeId: { not: null } }, _count: { _all: true } }),
  ]);
  const load = new Map(loads.map((l) => [l.assigneeId, l._count._all]));
  return members.map((m) => ({
    id: m.id,
    handle: m.handle,
    roles: m.roles.map((r) => r.role as Role),
    owns: m.platformsOwned.map((p) => p.platform.code),
    load: load.get(m.id) ?? 0,
  }));
}

/** A platform the campaign runs on. */
export interface CampaignPlatformInput {
  id: number;
  code: string;
  name: string;
  marketplace: string;
  commissionRate: number;
}

/** What creating a campaign wrote. */
export interface CreatedCampaign {
  id: number;
  code: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  mechanics: Array<{ platformCode: string; mechanics: Record<string, unknown> }>;
  tasks: Array<{ id: number; kind: string; platformCode: string; title: string; assignee: string | null; dueOn: Date }>;
}

/**
 * Creates the campaign, its mechanics per platform and a poster and a copy task per platform,
 * assigned by ownership with the load balanced. Runs in the caller's transaction.
 */
export async function createCampaign(
  tx: Tx,
  input: { code: string; name: string; startsOn: Date; endsOn: Date; platforms: CampaignPlatformInput[]; now: Date },
): Promise<CreatedCampaign> {
  const r = campaignRules();
  const heroes = await heroSkus(tx, input.platforms.map((p) => p.id), input.now, r.heroSkusPerPlatform);
  const mechanics = input.platforms.map((p) => ({
    platform: p,
    mechanics: planMechanics(input.code, input.startsOn, { code: p.code, marketplace: p.marketplace, commissionRate: p.commissionRate, heroes: heroes.get(p.id) ?? [] }, r),
  }));

  const campaign = await tx.campaign.create({
    data: {
      code: input.code,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: campaignStatus(input.startsOn, input.endsOn, input.now),
      createdAt: input.now,
    },
    select: { id: true },
  });
  await tx.campaignPlatform.createMany({
    data: mechanics.map((m) => ({ campaignId: campaign.id, platformId: m.platform.id, mechanics: m.mechanics as object })),
  });

  // The playbook's peak-season split: designers make a poster per platform, operators write its copy.
  const specs: Array<TaskToAssign & { platform: CampaignPlatformInput; title: string; dueOn: Date }> = input.platforms.flatMap((p) => {
    const channel = r.channels[p.marketplace];
    const hero = heroes.get(p.id)?.[0]?.code;
    const today = startOfUtcDay(input.now);
    const due = (days: number) => {
      const d = addDays(startOfUtcDay(input.startsOn), -days);
      return d < today ? today : d;
    };
    return [
      { kind: 'poster' as const, platformCode: p.code, platform: p, title: `${input.name}: poster for ${p.name} (${channel?.poster ?? 'banner'})`, dueOn: due(r.posterDueDaysBefore) },
      {
        kind: 'copy' as const,
        platformCode: p.code,
        platform: p,
        title: `${input.name}: copy for ${p.name}${hero ? ` (/copy ${hero} ${input.code} ${p.code})` : ''}`,
        dueOn: due(r.copyDueDaysBefore),
      },
    ];
  });
  const members = await assignableMembers(tx);
  const { assignees } = assignTasks(specs, members, r.ownerBonus);
  const created = await tx.task.createManyAndReturn({
    data: specs.map((s, i) => ({
      campaignId: campaign.id,
      platformId: s.platform.id,
      assigneeId: assignees[i]?.id ?? null,
      kind: s.kind,
      title: s.title,
      status: 'open' as const,
      dueOn: s.dueOn,
      createdAt: input.now,
    })),
    select: { id: true },
  });
  return {
    id: campaign.id,
    code: input.code,
    name: input.name,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    mechanics: mechanics.map((m) => ({ platformCode: m.platform.code, mechanics: m.mechanics })),
    tasks: specs.map((s, i) => ({ id: created[i]?.id ?? 0, kind: s.kind, platformCode: s.platformCode, title: s.title, assignee: assignees[i]?.handle ?? null, dueOn: s.dueOn })),
  };
}

/** A campaign in a list. */
export interface CampaignSummary {
  id: number;
  code: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  platforms: string[];
  openTasks: number;
}

/** Every campaign, soonest first. */
export async function listCampaigns(db: Db): Promise<CampaignSummary[]> {
  const [rows, open] = await Promise.all([
    db.campaign.findMany({
      select: { id: true, code: true, name: true, startsOn: true, endsOn: true, platforms: { select: { platform: { select: { code: true } } } } },
      orderBy: { startsOn: 'asc' },
    }),
    db.task.groupBy({ by: ['campaignId'], where: { status: { in: ['open', 'in_progress'] }, campaignId: { not: null } }, _count: { _all: true } }),
  ]);
  const openBy = new Map(open.map((o) => [o.campaignId, o._count._all]));
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    platforms: c.platforms.map((p) => p.platform.code).sort(),
    openTasks: openBy.get(c.id) ?? 0,
  }));
}

/** The whole plan of one campaign. */
export interface CampaignPlan {
  id: number;
  code: string;
  name: string;
  description: string | null;
  startsOn: Date;
  endsOn: Date;
  platforms: Array<{ id: number; code: string; mechanics: Record<string, unknown> }>;
  tasks: Array<{ id: number; kind: string; title: string; platformCode: string | null; assignee: string | null; dueOn: Date | null; status: string }>;
  copy: Array<{ platformCode: string; approved: number; draft: number }>;
}

/** The plan of the campaign with this code (case-insensitive), or null. */
export async function campaignPlan(db: Db, code: string): Promise<CampaignPlan | null> {
  const all = await db.campaign.findMany({ select: { id: true, code: true } });
  const hit = all.find((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!hit) return null;
  const [c, copy] = await Promise.all([
    db.campaign.findUniqueOrThrow({
      where: { id: hit.id },
      select: {
        id: true,
        code: true,
        name: true,
        description: true,
        startsOn: true,
        endsOn: true,
        platforms: { select: { mechanics: true, platform: { select: { id: true, code: true } } } },
        tasks: {
          select: { id: true, kind: true, title: true, status: true, dueOn: true, platform: { select: { code: true } }, assignee: { select: { handle: true } } },
          orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
        },
      },
    }),
    db.copyVariant.groupBy({ by: ['platformId', 'status'], where: { campaignId: hit.id }, _count: { _all: true } }),
  ]);
  const platforms = c.platforms.map((p) => ({ id: p.platform.id, code: p.platform.code, mechanics: (p.mechanics ?? {}) as Record<string, unknown> })).sort((a, b) => a.code.localeCompare(b.code));
  const codeOf = new Map(platforms.map((p) => [p.id, p.code]));
  const counts = new Map<string, { platformCode: string; approved: number; draft: number }>();
  for (const row of copy) {
    const platformCode = codeOf.get(row.platformId) ?? String(row.platformId);
    const entry = counts.get(platformCode) ?? { platformCode, approved: 0, draft: 0 };
    if (row.status === 'approved') entry.approved += row._count._all;
    if (row.status === 'draft') entry.draft += row._count._all;
    counts.set(platformCode, entry);
  }
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    description: c.description,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    platforms,
    tasks: c.tasks.map((t) => ({ id: t.id, kind: t.kind, title: t.title, platformCode: t.platform?.code ?? null, assignee: t.assignee?.handle ?? null, dueOn: t.dueOn, status: t.status })),
    copy: [...counts.values()].sort((a, b) => a.platformCode.localeCompare(b.platformCode)),
  };
}
