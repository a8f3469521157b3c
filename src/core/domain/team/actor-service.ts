/** Resolves who is asking: a team member by handle or chat user id, or an unknown user with no roles. */
import type { Db } from '../../../persistence/db.ts';
import type { ChatUser, Via } from '../../reply.ts';
import type { Role } from '../../roles.ts';
import type { Actor } from '../../tool.ts';

const memberSelect = {
  id: true,
  handle: true,
  name: true,
  locale: true,
  active: true,
  roles: { select: { role: true } },
  platformsOwned: { select: { platform: { select: { code: true } } } },
} as const;

/**
 * The actor behind a chat user. Unknown or inactive users get no roles: the least access,
 * which still lets them run /help and /whoami.
 */
export async function resolveActor(db: Db, via: Via, user: ChatUser): Promise<Actor> {
  const where = user.handle
    ? { handle: user.handle.toLowerCase() }
    : user.platformUserId && via === 'slack'
      ? { slackUserId: user.platformUserId }
      : user.platformUserId && via === 'discord'
        ? { discordUserId: user.platformUserId }
        : null;
  const member = where ? await db.teamMember.findFirst({ where, select: memberSelect }) : null;
  // Configured platform roles reach people we don't know, but never a member we deactivated.
  const granted = member && !member.active ? [] : (user.grantedRoles ?? []);
  if (!member || !member.active) {
    const id = user.handle ?? user.platformUserId ?? 'anonymous';
    return {
      memberId: null,
      handle: null,
      name: user.displayName ?? id,
      roles: [...new Set(granted)].sort(),
      platformsOwned: [],
      locale: null,
      ref: `unknown:${via}:${id}`,
    };
  }
  return {
    memberId: member.id,
    handle: member.handle,
    name: member.name,
    roles: [...new Set([...member.roles.map((r) => r.role as Role), ...granted])].sort(),
    platformsOwned: member.platformsOwned.map((p) => p.platform.code).sort(),
    locale: member.locale,
    ref: member.handle,
  };
}

/** Handles of all active team members, for "no such member" messages. */
export async function memberHandles(db: Db): Promise<string[]> {
  const rows = await db.teamMember.findMany({ where: { active: true }, select: { handle: true }, orderBy: { handle: 'asc' } });
  return rows.map((r) => r.handle);
}
