/** `/team`: the roster with roles and linked chat accounts, who owns which platform, and the open tasks per person. */
import { z } from 'zod';
import { formatOptionalDay } from '../../format.ts';
import { defineTool } from '../../tool.ts';
import { teamOverview } from '../../domain/team/roster-service.ts';

/** At most this many open tasks are listed. */
export const MAX_TASK_ROWS = 40;

/** The team tool. */
export const showTeam = defineTool({
  name: 'team',
  command: '/team',
  summary: { en: 'The team: roles, platform owners, linked chat accounts and open tasks per person', zh: '团队：角色、平台负责人、已关联的聊天账号和每人的待办任务' },
  usage: '',
  examples: ['/team'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input: z.object({}).strict(),
  parseArgs(tokens) {
    // Extra words are reported by the strict schema rather than silently ignored.
    return tokens.length === 0 ? {} : { unexpected: tokens.join(' ') };
  },
  async run(ctx) {
    const { t } = ctx;
    const team = await teamOverview(ctx.db);
    const none = t('value.none');
    const unowned = team.owners.filter((o) => o.owners.length === 0).map((o) => o.platformCode);
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('roster.title'),
      summary: t('roster.summary', { members: team.members.length, tasks: team.tasks.length }),
      tables: [
        {
          title: t('roster.roster'),
          columns: [
            { key: 'handle', label: t('roster.colHandle') },
            { key: 'name', label: t('roster.colName') },
            { key: 'roles', label: t('roster.colRoles') },
            { key: 'platforms', label: t('roster.colPlatforms') },
            { key: 'open', label: t('roster.colOpen'), align: 'right' },
            { key: 'inProgress', label: t('roster.colInProgress'), align: 'right' },
            { key: 'slack', label: t('roster.colSlack') },
            { key: 'discord', label: t('roster.colDiscord') },
          ],
          rows: team.members.map((m) => ({
            handle: m.handle,
            name: m.name,
            roles: m.roles.join(', ') || t('roles.none'),
            platforms: m.platforms.join(', ') || none,
            open: String(m.open),
            inProgress: String(m.inProgress),
            slack: m.slackUserId ?? none,
            discord: m.discordUserId ?? none,
          })),
        },
        {
          title: t('roster.owners'),
          columns: [
            { key: 'platform', label: t('roster.colPlatform') },
            { key: 'owners', label: t('roster.colOwners') },
          ],
          rows: team.owners.map((o) => ({ platform: o.platformCode, owners: o.owners.join(', ') || t('roster.nobody') })),
        },
        {
          title: t('roster.tasks'),
          columns: [
            { key: 'assignee', label: t('roster.colAssignee') },
            { key: 'kind', label: t('roster.colKind') },
            { key: 'title', label: t('roster.colTask') },
            { key: 'platform', label: t('roster.colPlatform') },
            { key: 'campaign', label: t('roster.colCampaign') },
            { key: 'due', label: t('roster.colDue') },
            { key: 'status', label: t('roster.colStatus') },
          ],
          rows: team.tasks.slice(0, MAX_TASK_ROWS).map((task) => ({
            assignee: task.assignee ?? t('roster.unassigned'),
            kind: task.kind,
            title: task.title,
            platform: task.platformCode ?? none,
            campaign: task.campaignCode ?? none,
            due: formatOptionalDay(t, task.dueOn),
            status: task.status.replace('_', ' '),
          })),
        },
      ],
      notes: [
        ...(team.tasks.length > MAX_TASK_ROWS ? [t('value.moreRows', { n: team.tasks.length - MAX_TASK_ROWS })] : []),
        ...(unowned.length > 0 ? [t('roster.unownedNote', { platforms: unowned.join(', ') })] : []),
      ],
      actions: [{ id: 'campaign', label: '/campaign', command: '/campaign' }],
    };
  },
});
