/**
 * `/rate useful|not-useful [answer ref] [tool=<name>] [note…]`: feedback on one of the bot's
 * answers, kept as an AuditEvent ("answer.feedback") for evaluating the NL layer. Chat adapters
 * put it behind the 👍 / 👎 buttons under an answer; people can also type it with a note.
 */
import { z } from 'zod';
import type { Reply } from '../../reply.ts';
import { defineTool } from '../../tool.ts';

/** Where an answer was given, e.g. "slack:C0123ABCD:1700000000.000100". */
const ANSWER_REF = /^(slack|discord|console):[A-Za-z0-9._:/-]{1,120}$/;

const input = z.object({
  verdict: z.enum(['useful', 'not-useful'], { error: 'say useful or not-useful, e.g. /rate not-useful it missed the platform' }),
  answer: z.string().regex(ANSWER_REF).optional(),
  tool: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'tool=<name>, e.g. tool=stock').optional(),
  note: z.string().trim().max(500, 'keep the note under 500 characters').optional(),
});

/** The feedback tool. */
export const rateAnswer = defineTool({
  name: 'rate-answer',
  command: '/rate',
  summary: { en: 'Tell us whether an answer was useful (helps improve the assistant)', zh: '反馈回答是否有用（帮助改进助手）' },
  usage: 'useful|not-useful [note]',
  examples: ['/rate useful', '/rate not-useful it ignored the platform I asked for'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'write',
  input,
  parseArgs(tokens) {
    const [first, ...rest] = tokens;
    const verdict = first?.toLowerCase().replace(/^not[_ ]?useful$/, 'not-useful');
    let answer: string | undefined;
    let tool: string | undefined;
    const note: string[] = [];
    for (const token of rest) {
      if (answer === undefined && note.length === 0 && ANSWER_REF.test(token)) answer = token;
      else if (tool === undefined && note.length === 0 && token.startsWith('tool=')) tool = token.slice(5);
      else note.push(token);
    }
    return {
      verdict,
      ...(answer ? { answer } : {}),
      ...(tool !== undefined ? { tool } : {}),
      ...(note.length > 0 ? { note: note.join(' ') } : {}),
    };
  },
  async run(ctx, args): Promise<Reply> {
    await ctx.transaction(async (_tx, audit) => {
      await audit({
        action: 'answer.feedback',
        targetType: 'answer',
        targetId: args.answer ?? 'unspecified',
        after: { verdict: args.verdict, ...(args.tool ? { tool: args.tool } : {}), ...(args.note ? { note: args.note } : {}) },
      });
    });
    return {
      kind: 'result',
      locale: ctx.locale,
      summary: ctx.t(args.verdict === 'useful' ? 'rate.thanksUseful' : 'rate.thanksNotUseful'),
      ephemeral: true,
    };
  },
});
