/**
 * Links chat accounts (Slack, Discord) to team members: the rules for what a user id looks like
 * and the one update that links or unlinks it. The tools in tools/team/ call these inside
 * their transaction, beside the AuditEvent.
 */
import type { Tx } from '../../tool.ts';

/** Chat platforms whose user ids can be linked to a team member. */
export const CHAT_PLATFORMS = ['slack', 'discord'] as const;

/** One chat platform. */
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

/** Slack member ids: U… (or W… on Enterprise Grid), upper-case letters and digits. */
const SLACK_ID = /^[UW][A-Z0-9]{6,20}$/;
/** Discord user ids are snowflakes: 17 to 20 digits. */
const DISCORD_ID = /^\d{17,20}$/;

/**
 * The bare user id in what someone typed: "U0123ABCD", a Slack mention "<@U0123ABCD>" or
 * "<@U0123ABCD|bob>", a Discord mention "<@123…>" or "<@!123…>". Slack ids are upper-cased.
 */
export function normalizeChatUserId(platform: ChatPlatform, typed: string): string {
  const mention = /^<@!?([A-Za-z0-9]+)(\|[^>]*)?>$/.exec(typed.trim());
  const id = mention?.[1] ?? typed.trim();
  return platform === 'slack' ? id.toUpperCase() : id;
}

/** Whether `id` (already normalised) is shaped like a user id of `platform`. */
export function isChatUserId(platform: ChatPlatform, id: string): boolean {
  return (platform === 'slack' ? SLACK_ID : DISCORD_ID).test(id);
}

const column = { slack: 'slackUserId', discord: 'discordUserId' } as const;

/** What linking did, or why it did nothing. */
export type LinkResult =
  | { kind: 'no-member' }
  | { kind: 'already-linked' }
  | { kind: 'taken'; by: string }
  | { kind: 'linked'; memberId: number; previous: string | null };

/** Links `userId` on `platform` to the member `handle`, replacing any previous id of theirs. */
export async function linkChatUser(tx: Tx, handle: string, platform: ChatPlatform, userId: string): Promise<LinkResult> {
  const member = await tx.teamMember.findUnique({ where: { handle }, select: { id: true, slackUserId: true, discordUserId: true } });
  if (!member) return { kind: 'no-member' };
  const previous = member[column[platform]];
  if (previous === userId) return { kind: 'already-linked' };
  const holder = await tx.teamMember.findFirst({ where: { [column[platform]]: userId }, select: { handle: true } });
  if (holder) return { kind: 'taken', by: holder.handle };
  await tx.teamMember.update({ where: { id: member.id }, data: { [column[platform]]: userId } });
  return { kind: 'linked', memberId: member.id, previous };
}

/** What unlinking did. */
export type UnlinkResult = { kind: 'no-member' } | { kind: 'not-linked' } | { kind: 'unlinked'; previous: string };

/** Removes the `platform` user id of the member `handle`. */
export async function unlinkChatUser(tx: Tx, handle: string, platform: ChatPlatform): Promise<UnlinkResult> {
  const member = await tx.teamMember.findUnique({ where: { handle }, select: { id: true, slackUserId: true, discordUserId: true } });
  if (!member) return { kind: 'no-member' };
  const previous = member[column[platform]];
  if (previous === null) return { kind: 'not-linked' };
  await tx.teamMember.update({ where: { id: member.id }, data: { [column[platform]]: null } });
  return { kind: 'unlinked', previous };
}
