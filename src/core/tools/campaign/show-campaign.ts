/** `/campaign [name]`: every campaign, or one campaign's plan: mechanics per platform, tasks and copy status. */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import { formatDay, formatOptionalDay } from '../../format.ts';
import type { ChatAction } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { campaignPlan, campaignStatus, listCampaigns } from '../../domain/campaigns/campaign-service.ts';
import { mechanicsText } from './mechanics-text.ts';

const input = z
  .object({
    code: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a campaign looks like black-friday').optional(),
    extra: z.array(z.string()).max(0, 'show one campaign at a time').optional(),
  })
  .strict();

/** The campaign tool. */
export const showCampaign = defineTool({
  name: 'campaign',
  command: '/campaign',
  summary: { en: 'Campaigns, or one campaign’s plan: mechanics per platform, tasks and copy', zh: '查看活动，或某个活动的计划：各平台玩法、任务和文案' },
  usage: '[campaign]',
  examples: ['/campaign', '/campaign black-friday'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens) {
    const [code, ...rest] = tokens;
    return { ...(code !== undefined ? { code } : {}), ...(rest.length > 0 ? { extra: rest } : {}) };
  },
  async run(ctx, args) {
    const { t } = ctx;
    const status = (s: 'planned' | 'running' | 'ended') => t(`campaign.status.${s}`);
    if (args.code === undefined) {
      const all = await listCampaigns(ctx.db);
      return {
        kind: 'result',
        locale: ctx.locale,
        title: t('campaign.listTitle'),
        summary: t('campaign.listSummary', { n: all.length }),
        tables: [
          {
            columns: [
              { key: 'code', label: t('campaign.colCode') },
              { key: 'name', label: t('campaign.colName') },
              { key: 'dates', label: t('campaign.colDates') },
              { key: 'status', label: t('campaign.colStatus') },
              { key: 'platforms', label: t('campaign.colPlatforms') },
              { key: 'open', label: t('campaign.colOpenTasks'), align: 'right' },
            ],
            rows: all.map((c) => ({
              code: c.code,
              name: c.name,
              dates: `${formatDay(c.startsOn)} → ${formatDay(c.endsOn)}`,
              status: status(campaignStatus(c.startsOn, c.endsOn, ctx.now)),
              platforms: c.platforms.join(', '),
              open: String(c.openTasks),
            })),
          },
        ],
        actions: all.slice(0, 10).map((c): ChatAction => ({ id: `campaign:${c.code}`, label: c.code, command: `/campaign ${c.code}` })),
      };
    }
    const plan = await campaignPlan(ctx.db, args.code);
    if (!plan) {
      const codes = (await listCampaigns(ctx.db)).map((c) => c.code);
      throw new ToolError('not_found', t('copy.unknownCampaign', { campaign: args.code, known: codes.join(', ') }), {
        actions: codes.slice(0, 10).map((c) => ({ id: `campaign:${c}`, label: c, command: `/campaign ${c}` })),
      });
    }
    const open = plan.tasks.filter((task) => task.status !== 'done').length;
    const copyRows = plan.platforms.map((p) => {
      const c = plan.copy.find((x) => x.platformCode === p.code);
      return { platform: p.code, approved: String(c?.approved ?? 0), draft: String(c?.draft ?? 0) };
    });
    const hero = plan.platforms.map((p) => ({ p, sku: Array.isArray(p.mechanics.heroSkus) ? p.mechanics.heroSkus[0] : Array.isArray(p.mechanics.dealSkus) ? p.mechanics.dealSkus[0] : undefined })).find((x) => typeof x.sku === 'string');
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('campaign.planTitle', { name: plan.name }),
      summary: t('campaign.planSummary', {
        code: plan.code,
        start: formatDay(plan.startsOn),
        end: formatDay(plan.endsOn),
        status: status(campaignStatus(plan.startsOn, plan.endsOn, ctx.now)),
        open,
      }),
      ...(plan.description ? { fields: [{ label: t('campaign.description'), value: plan.description }] } : {}),
      tables: [
        {
          title: t('campaign.mechanics'),
          columns: [
            { key: 'platform', label: t('campaign.colPlatform') },
            { key: 'mechanics', label: t('campaign.colMechanics') },
          ],
          rows: plan.platforms.map((p) => ({ platform: p.code, mechanics: mechanicsText(t, p.mechanics) })),
        },
        {
          title: t('campaign.tasks'),
          columns: [
            { key: 'kind', label: t('campaign.colKind') },
            { key: 'platform', label: t('campaign.colPlatform') },
            { key: 'title', label: t('campaign.colTask') },
            { key: 'assignee', label: t('campaign.colAssignee') },
            { key: 'due', label: t('campaign.colDue') },
            { key: 'status', label: t('campaign.colStatus') },
          ],
          rows: plan.tasks.map((task) => ({
            kind: task.kind,
            platform: task.platformCode ?? t('value.none'),
            title: task.title,
            assignee: task.assignee ?? t('campaign.unassigned'),
            due: formatOptionalDay(t, task.dueOn),
            status: task.status.replace('_', ' '),
          })),
        },
        {
          title: t('campaign.copy'),
          columns: [
            { key: 'platform', label: t('campaign.colPlatform') },
            { key: 'approved', label: t('campaign.colApproved'), align: 'right' },
            { key: 'draft', label: t('campaign.colDraft'), align: 'right' },
          ],
          rows: copyRows,
        },
      ],
      actions: [
        { id: 'team', label: t('campaign.buttonTeam'), command: '/team' },
        ...(hero ? [{ id: `copy:${String(hero.sku)}`, label: t('campaign.buttonCopy', { sku: String(hero.sku), platform: hero.p.code }), command: `/copy ${String(hero.sku)} ${plan.code} ${hero.p.code}` }] : []),
      ],
    };
  },
});
