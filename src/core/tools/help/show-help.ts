/** `/help [command]`: generated from the registry, showing only what this user may run. */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { Reply } from '../../reply.ts';
import { ROLES } from '../../roles.ts';
import { defineTool } from '../../tool.ts';

const input = z.object({
  topic: z
    .string()
    .trim()
    .max(40, 'a command name is at most 40 characters')
    .transform((s) => s.replace(/^\//, '').toLowerCase())
    .optional(),
});

/** The help tool. */
export const showHelp = defineTool({
  name: 'help',
  command: '/help',
  summary: { en: 'What I can do for you, or details of one command', zh: '查看我能为你做什么，或某个命令的详细用法' },
  usage: '[command]',
  examples: ['/help', '/help stock'],
  roles: 'anyone',
  effect: 'read',
  input,
  parseArgs(tokens) {
    return tokens.length === 0 ? {} : { topic: tokens.join(' ') };
  },
  async run(ctx, { topic }): Promise<Reply> {
    const { t, actor, registry, locale } = ctx;
    const allowed = registry.allowedFor(actor);
    if (topic) {
      const tools = allowed.filter((tool) => tool.command.slice(1) === topic || tool.command.slice(1).startsWith(`${topic} `) || tool.name === topic);
      if (tools.length === 0) {
        throw new ToolError('not_found', t('help.unknownTopic', { topic: `/${topic}` }), { hints: [t('command.seeHelp')] });
      }
      return {
        kind: 'help',
        locale,
        title: t('help.detailTitle', { command: `/${topic}` }),
        fields: tools.flatMap((tool) => [
          { label: `${tool.command} ${tool.usage}`.trim(), value: tool.summary[locale] },
          { label: t('command.examples', { examples: '' }).replace(/[:：]\s*$/, ''), value: tool.examples.join('\n') },
          {
            label: t('help.roles'),
            value: tool.roles === 'anyone' ? t('help.rolesEveryone') : ROLES.filter((r) => (tool.roles as readonly string[]).includes(r)).join(', '),
          },
        ]),
      };
    }
    return {
      kind: 'help',
      locale,
      title: t('help.title'),
      summary: actor.memberId === null
        ? t('help.introUnknown')
        : t('help.intro', { name: actor.name, roles: actor.roles.join(', ') || t('roles.none') }),
      tables: [
        {
          columns: [
            { key: 'command', label: t('help.colCommand') },
            { key: 'what', label: t('help.colWhat') },
          ],
          rows: allowed.map((tool) => ({ command: `${tool.command} ${tool.usage}`.trim(), what: tool.summary[locale] })),
        },
      ],
      notes: [t('help.footer')],
    };
  },
});
