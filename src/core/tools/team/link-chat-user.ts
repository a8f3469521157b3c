/**
 * `/team link <handle> slack|discord <user id>`: an admin links a chat account to a team member,
 * so that person gets the member's roles in that chat. Audited.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { Reply } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { memberHandles } from '../../domain/team/actor-service.ts';
import { CHAT_PLATFORMS, isChatUserId, linkChatUser, normalizeChatUserId } from '../../domain/team/chat-links.ts';

/** A team member handle as typed: lower-case letters, digits, dot, dash, underscore. */
export const handleSchema = z
  .string({ error: 'give the team member’s handle, e.g. bob' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{0,39}$/, 'a handle looks like bob');

/** `slack` or `discord`. */
export const chatPlatformSchema = z.enum(CHAT_PLATFORMS, { error: 'say slack or discord' });

const input = z
  .object({
    handle: handleSchema,
    platform: chatPlatformSchema,
    userId: z.string({ error: 'give the chat user id, e.g. U0123ABCD' }).min(1, 'give the chat user id, e.g. U0123ABCD'),
  })
  .transform((v, ctx) => {
    const userId = normalizeChatUserId(v.platform, v.userId);
    if (!isChatUserId(v.platform, userId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: v.platform === 'slack'
          ? 'a Slack user id looks like U0123ABCD (profile → ⋮ → Copy member ID), or mention the person'
          : 'a Discord user id is a number of 17 to 20 digits (Developer Mode → Copy User ID)',
      });
      return z.NEVER;
    }
    return { ...v, userId };
  });

/** The link tool. */
export const linkChatUserTool = defineTool({
  name: 'team-link',
  command: '/team link',
  summary: { en: 'Link a Slack or Discord account to a team member (admins)', zh: '把 Slack 或 Discord 账号关联到团队成员（管理员）' },
  usage: '<handle> slack|discord <user id>',
  examples: ['/team link bob slack U0123ABCD', '/team link carol discord 123456789012345678'],
  roles: ['admin'],
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [handle, platform, userId, ...rest] = tokens;
    return {
      handle,
      platform: platform?.toLowerCase(),
      userId: rest.length > 0 ? [userId, ...rest].join(' ') : userId,
    };
  },
  async run(ctx, args): Promise<Reply> {
    const { t, locale } = ctx;
    const result = await ctx.transaction(async (tx, audit) => {
      const outcome = await linkChatUser(tx, args.handle, args.platform, args.userId);
      if (outcome.kind === 'linked') {
        await audit({
          action: 'team.link',
          targetType: 'team-member',
          targetId: args.handle,
          before: { platform: args.platform, userId: outcome.previous },
          after: { platform: args.platform, userId: args.userId },
        });
      }
      return outcome;
    });
    const params = { handle: args.handle, platform: args.platform, id: args.userId };
    switch (result.kind) {
      case 'no-member':
        throw new ToolError('not_found', t('team.noMember', { handle: args.handle, handles: (await memberHandles(ctx.db)).join(', ') }));
      case 'already-linked':
        throw new ToolError('conflict', t('team.alreadyLinked', params));
      case 'taken':
        throw new ToolError('conflict', t('team.idTaken', { ...params, other: result.by }));
      case 'linked': {
        const member = await ctx.db.teamMember.findUniqueOrThrow({ where: { id: result.memberId }, select: { roles: { select: { role: true } } } });
        const roles = member.roles.map((r) => r.role).sort().join(', ') || t('roles.none');
        return {
          kind: 'result',
          locale,
          title: t('team.linkedTitle'),
          summary: t('team.linked', { ...params, roles }),
          ...(result.previous ? { notes: [t('team.replaced', { platform: args.platform, previous: result.previous })] } : {}),
          actions: [{ id: 'team', label: '/team', command: '/team' }],
        };
      }
    }
  },
});
