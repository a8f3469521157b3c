/**
 * The team at a glance: who is on it with which roles, who owns which platform, and the open
 * tasks per person. Three set-based reads.
 */
import type { Db } from '../../../persistence/db.ts';
import type { Role } from '../../roles.ts';

/** One team member with their load. */
export interface RosterMember {
  handle: string;
  name: string;
  roles: Role[];
  platforms: string[];
  slackUserId: string | null;
  discordUserId: string | null;
  open: number;
  inProgress: number;
}

/** An open task. */
export interface OpenTask {
  id: number;
  assignee: string | null;
  kind: string;
  title: string;
  platformCode: string | null;
  campaignCode: string | null;
  dueOn: Date | null;
  status: 'open' | 'in_progress';
}

/** The overview /team shows. */
export interface TeamOverview {
  members: RosterMember[];
  owners: Array<{ platformCode: string; owners: string[] }>;
  tasks: OpenTask[];
}

/** Reads the team overview. */
export async function teamOverview(db: Db): Promise<TeamOverview> {
  const [members, platforms, tasks] = await Promise.all([
    db.teamMember.findMany({
      where: { active: true },
      select: {
        id: true,
        handle: true,
        name: true,
        slackUserId: true,
        discordUserId: true,
        roles: { select: { role: true } },
        platformsOwned: { select: { platform: { select: { code: true } } } },
      },
      orderBy: { handle: 'asc' },
    }),
    db.platform.findMany({ where: { active: true }, select: { code: true, owners: { select: { member: { select: { handle: true, active: true } } } } }, orderBy: { code: 'asc' } }),
    db.task.findMany({
      where: { status: { in: ['open', 'in_progress'] } },
      select: {
        id: true,
        kind: true,
        title: true,
        status: true,
        dueOn: true,
        assigneeId: true,
        assignee: { select: { handle: true } },
        platform: { select: { code: true } },
        campaign: { select: { code: true } },
      },
      orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const count = (id: number, status: string) => tasks.filter((t) => t.assigneeId === id && t.status === status).length;
  const openTasks: OpenTask[] = tasks
    .map((t) => ({
      id: t.id,
      assignee: t.assignee?.handle ?? null,
      kind: t.kind,
      title: t.title,
      platformCode: t.platform?.code ?? null,
      campaignCode: t.campaign?.code ?? null,
      dueOn: t.dueOn,
      status: t.status as 'open' | 'in_progress',
    }))
    // Grouped per person (unassigned last), soonest due first within each.
    .sort((a, b) => (a.assignee ?? '~').localeCompare(b.assignee ?? '~') || (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity) || a.id - b.id);
  return {
    members: members.map((m) => ({
      handle: m.handle,
      name: m.name,
      roles: m.roles.map((r) => r.role as Role).sort(),
      platforms: m.platformsOwned.map((p) => p.platform.code).sort(),
      slackUserId: m.slackUserId,
      discordUserId: m.discordUserId,
      open: count(m.id, 'open'),
      inProgress: count(m.id, 'in_progress'),
    })),
    owners: platforms.map((p) => ({ platformCode: p.code, owners: p.owners.filter((o) => o.member.active).map((o) => o.member.handle).sort() })),
    tasks: openTasks,
  };
}
