/**
 * `/campaign new <name> <start> <end> <platforms…>`: a campaign across platforms, adapted to
 * each: a teaser on social-first platforms, a promotion zone on marketplaces, a site-wide code
 * in the own store, with discounts that stay within margin; plus a poster and a copy task per
 * platform, assigned by platform ownership with the load balanced.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatDay } from '../../format.ts';
import { defineTool } from '../../tool.ts';
import { campaignCodeFor, createCampaign } from '../../domain/campaigns/campaign-service.ts';
import { startOfUtcDay } from '../../domain/inventory/cover.ts';
import { mechanicsText } from './mechanics-text.ts';

/** The longest campaign, in days. */
export const MAX_CAMPAIGN_DAYS = 92;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that is a real calendar day, as a UTC date; null otherwise. */
export function parseDay(text: string): Date | null {
  if (!DATE.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : d;
}

const day = (what: string) =>
  z
    .string({ error: `give the ${what} date as YYYY-MM-DD` })
    .regex(DATE, `the ${what} date must look like 2026-12-01`)
    .refine((v) => parseDay(v) !== null, `the ${what} date is not a real calendar day`);

const input = z
  .object({
    name: z.string({ error: 'give the campaign a name, e.g. "Spring launch"' }).trim().min(2, 'the name needs at least 2 characters').max(60, 'the name is at most 60 characters'),
    start: day('start'),
    end: day('end'),
    platforms: z
      .array(z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a platform code looks like amazon-us'))
      .min(1, 'name at least one platform, e.g. amazon-us tiktok-us')
      .max(10, 'at most 10 platforms'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const start = parseDay(v.start);
    const end = parseDay(v.end);
    if (!start || !end) return;
    if (end < start) ctx.addIssue({ code: 'custom', path: ['end'], message: `the end (${v.end}) is before the start (${v.start}); give the start first` });
    else if ((end.getTime() - start.getTime()) / 86_400_000 + 1 > MAX_CAMPAIGN_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `a campaign runs at most ${MAX_CAMPAIGN_DAYS} days` });
    }
  });

/** The new-campaign tool: marketing, managers and admins. */
export const newCampaign = defineTool({
  name: 'campaign-new',
  command: '/campaign new',
  summary: { en: 'Plan a campaign across platforms, with mechanics and team tasks', zh: '创建跨平台活动：各平台玩法和团队任务' },
  usage: '<name> <start YYYY-MM-DD> <end YYYY-MM-DD> <platforms…>',
  examples: ['/campaign new "Spring launch" 2027-03-01 2027-03-10 amazon-us tiktok-us shopify'],
  roles: ['marketing', 'manager', 'admin'],
  effect: 'write',
  input,
  parseArgs(tokens) {
    // Name words until the first date, then start, end, and the platforms.
    // Anything shaped like a date counts as one, so 12/01/2026 gets "use YYYY-MM-DD", not a stranger error.
    const first = tokens.findIndex((w) => /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(w));
    if (first < 0) return { ...(tokens.length > 0 ? { name: tokens.join(' ') } : {}), platforms: [] };
    const name = tokens.slice(0, first).join(' ');
    const [start, end, ...platforms] = tokens.slice(first);
    return {
      ...(name ? { name } : {}),
      ...(start !== undefined ? { start } : {}),
      ...(end !== undefined ? { end } : {}),
      platforms: [...new Set(platforms.map((p) => p.toLowerCase()))],
    };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const code = campaignCodeFor(args.name);
    if (code.length < 2) throw new ToolError('invalid_input', t('campaign.badName', { name: args.name }));
    const startsOn = parseDay(args.start) as Date;
    const endsOn = parseDay(args.end) as Date;
    if (endsOn < startOfUtcDay(ctx.now)) throw new ToolError('invalid_input', t('campaign.endsInPast', { end: args.end, today: formatDay(ctx.now) }));

    const known = await ctx.db.platform.findMany({ where: { active: true }, select: { id: true, code: true, name: true, marketplace: true, commissionRate: true }, orderBy: { code: 'asc' } });
    const unknown = args.platforms.filter((p) => !known.some((k) => k.code === p));
    if (unknown.length > 0) throw new ToolError('not_found', t('copy.unknownPlatform', { platform: unknown.join(', '), known: known.map((k) => k.code).join(', ') }));
    const platforms = args.platforms.map((p) => known.find((k) => k.code === p) as (typeof known)[number]);

    const existing = await ctx.db.campaign.findUnique({ where: { code }, select: { code: true } });
    if (existing) {
      throw new ToolError('conflict', t('campaign.exists', { code }), { actions: [{ id: `campaign:${code}`, label: `/campaign ${code}`, command: `/campaign ${code}` }] });
    }

    const created = await ctx.transaction(async (tx, audit) => {
      const result = await createCampaign(tx, { code, name: args.name, startsOn, endsOn, platforms, now: ctx.now });
      await audit({
        action: 'campaign.create',
        targetType: 'campaign',
        targetId: code,
        after: {
          name: args.name,
          startsOn: args.start,
          endsOn: args.end,
          mechanics: result.mechanics,
          tasks: result.tasks.map((task) => ({ id: task.id, kind: task.kind, platform: task.platformCode, assignee: task.assignee })),
        },
      });
      return result;
    });

    const unassigned = created.tasks.filter((task) => task.assignee === null).length;
    const firstCopy = created.tasks.find((task) => task.kind === 'copy');
    const hero = created.mechanics.find((m) => m.platformCode === firstCopy?.platformCode)?.mechanics.heroSkus;
    const heroSku = Array.isArray(hero) && typeof hero[0] === 'string' ? hero[0] : null;
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('campaign.createdTitle', { name: created.name }),
      summary: t('campaign.created', { code, start: args.start, end: args.end, platforms: platforms.length, tasks: created.tasks.length }),
      tables: [
        {
          title: t('campaign.mechanics'),
          columns: [
            { key: 'platform', label: t('campaign.colPlatform') },
            { key: 'mechanics', label: t('campaign.colMechanics') },
          ],
          rows: created.mechanics.map((m) => ({ platform: m.platformCode, mechanics: mechanicsText(t, m.mechanics) })),
        },
        {
          title: t('campaign.tasks'),
          columns: [
            { key: 'kind', label: t('campaign.colKind') },
            { key: 'platform', label: t('campaign.colPlatform') },
            { key: 'assignee', label: t('campaign.colAssignee') },
            { key: 'due', label: t('campaign.colDue') },
          ],
          rows: created.tasks.map((task) => ({ kind: task.kind, platform: task.platformCode, assignee: task.assignee ?? t('campaign.unassigned'), due: formatDay(task.dueOn) })),
        },
      ],
      notes: [t('campaign.assignNote'), ...(unassigned > 0 ? [t('campaign.unassignedNote', { n: unassigned })] : [])],
      actions: [
        { id: `campaign:${code}`, label: t('campaign.buttonPlan'), command: `/campaign ${code}` },
        { id: 'team', label: t('campaign.buttonTeam'), command: '/team' },
        ...(heroSku && firstCopy ? [{ id: `copy:${heroSku}`, label: t('campaign.buttonCopy', { sku: heroSku, platform: firstCopy.platformCode }), command: `/copy ${heroSku} ${code} ${firstCopy.platformCode}` }] : []),
      ],
    };
  },
});
