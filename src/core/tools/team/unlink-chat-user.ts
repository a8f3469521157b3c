/** `/team unlink <handle> slack|discord`: an admin removes a chat account from a team member. Audited. */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { Reply } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { memberHandles } from '../../domain/team/actor-service.ts';
import { unlinkChatUser } from '../../domain/team/chat-links.ts';
import { chatPlatformSchema, handleSchema } from './link-chat-user.ts';

/** The unlink tool. */
export const unlinkChatUserTool = defineTool({
  name: 'team-unlink',
  command: '/team unlink',
  summary: { en: 'Remove a team member’s Slack or Discord link (admins)', zh: '解除团队成员的 Slack 或 Discord 关联（管理员）' },
  usage: '<handle> slack|discord',
  examples: ['/team unlink bob slack'],
  roles: ['admin'],
  effect: 'write',
  input: z.object({ handle: handleSchema, platform: chatPlatformSchema }).strict(),
  parseArgs(tokens) {
    const [handle, platform, ...rest] = tokens;
    return { handle, platform: platform?.toLowerCase(), ...(rest.length > 0 ? { unexpected: rest.join(' ') } : {}) };
  },
  async run(ctx, args): Promise<Reply> {
    const { t, locale } = ctx;
    const result = await ctx.transaction(async (tx, audit) => {
      const outcome = await unlinkChatUser(tx, args.handle, args.platform);
      if (outcome.kind === 'unlinked') {
        await audit({
          action: 'team.unlink',
          targetType: 'team-member',
          targetId: args.handle,
          before: { platform: args.platform, userId: outcome.previous },
          after: { platform: args.platform, userId: null },
        });
      }
      return outcome;
    });
    switch (result.kind) {
      case 'no-member':
        throw new ToolError('not_found', t('team.noMember', { handle: args.handle, handles: (await memberHandles(ctx.db)).join(', ') }));
      case 'not-linked':
        throw new ToolError('conflict', t('team.notLinked', { handle: args.handle, platform: args.platform }));
      case 'unlinked':
        return {
          kind: 'result',
          locale,
          title: t('team.unlinkedTitle'),
          summary: t('team.unlinked', { handle: args.handle, platform: args.platform, id: result.previous }),
          actions: [{ id: 'team', label: '/team', command: '/team' }],
        };
    }
  },
});
