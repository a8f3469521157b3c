/**
 * The demo team: one person per role, Bob running Amazon US.
 */
import { addDays } from './calendar.ts';
import { platformByCode, type PlatformCode } from './platforms.ts';
import type { DemoTables } from './types.ts';

type Role = 'staff' | 'cs' | 'marketing' | 'manager' | 'admin';

interface MemberSpec {
  id: number;
  handle: string;
  name: string;
  roles: readonly Role[];
  owns: readonly PlatformCode[];
  joinedDaysAgo: number;
}

/** Team members; ids are fixed so tasks can be assigned to them. */
export const TEAM: readonly MemberSpec[] = [
  { id: 1, handle: 'alice', name: 'Alice Chen', roles: ['manager'], owns: [], joinedDaysAgo: 1_500 },
  { id: 2, handle: 'bob', name: 'Bob Li', roles: ['staff'], owns: ['amazon-us'], joinedDaysAgo: 1_100 },
  { id: 3, handle: 'carol', name: 'Carol Zhang', roles: ['cs'], owns: [], joinedDaysAgo: 700 },
  { id: 4, handle: 'dan', name: 'Dan Okafor', roles: ['marketing'], owns: [], joinedDaysAgo: 420 },
  { id: 5, handle: 'erin', name: 'Erin Walsh', roles: ['admin'], owns: [], joinedDaysAgo: 1_600 },
];

/** Id of a team member by handle. */
export function memberId(handle: string): number {
  const m = TEAM.find((t) => t.handle === handle);
  if (!m) throw new Error(`unknown team member ${handle}`);
  return m.id;
}

/** Builds the team tables. */
export function buildTeam(ref: Date): Pick<DemoTables, 'TeamMember' | 'TeamMemberRole' | 'PlatformOwner'> {
  return {
    TeamMember: TEAM.map((m) => ({
      id: m.id,
      handle: m.handle,
      name: m.name,
      slackUserId: null,
      discordUserId: null,
      locale: 'en',
      active: true,
      createdAt: addDays(ref, -m.joinedDaysAgo),
    })),
    TeamMemberRole: TEAM.flatMap((m) => m.roles.map((role) => ({ memberId: m.id, role }))),
    PlatformOwner: TEAM.flatMap((m) => m.owns.map((code) => ({ memberId: m.id, platformId: platformByCode(code).id }))),
  };
}
