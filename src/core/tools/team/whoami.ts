/** `/whoami`: who the bot thinks you are, your roles and what that lets you do. */
import { z } from 'zod';
import { PII_ROLES } from '../../roles.ts';
import { defineTool } from '../../tool.ts';

/** The whoami tool. */
export const whoami = defineTool({
  name: 'whoami',
  command: '/whoami',
  summary: { en: 'Who I think you are, your roles and platforms', zh: '查看你的身份、角色和负责的平台' },
  usage: '',
  examples: ['/whoami'],
  roles: 'anyone',
  effect: 'read',
  input: z.object({}).strict(),
  parseArgs(tokens) {
    // Extra words are reported by the strict schema rather than silently ignored.
    return tokens.length === 0 ? {} : { unexpected: tokens.join(' ') };
  },
  async run(ctx) {
    const { t, actor, locale, registry } = ctx;
    const commands = registry.allowedFor(actor).map((tool) => tool.command);
    const seesPii = actor.roles.some((r) => PII_ROLES.includes(r));
    return {
      kind: 'result',
      locale,
      title: t('whoami.title'),
      ...(actor.memberId === null ? { summary: t('whoami.unknown') } : {}),
      fields: [
        { label: t('whoami.handle'), value: actor.handle ?? actor.ref },
        { label: t('whoami.name'), value: actor.name },
        { label: t('whoami.roles'), value: actor.roles.join(', ') || t('roles.none') },
        { label: t('whoami.platforms'), value: actor.platformsOwned.join(', ') || t('value.none') },
        { label: t('whoami.via'), value: ctx.via },
        { label: t('whoami.commands'), value: commands.join(' ') },
      ],
      notes: [seesPii ? t('whoami.piiFull') : t('whoami.piiMasked')],
    };
  },
});
