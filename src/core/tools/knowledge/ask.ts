/**
 * `/ask <question>`: answers from the knowledge base (platform listing rules, the brand guide,
 * the playbook) with the passages that match best. Read-only; the search itself is behind the
 * KnowledgeBase interface so src/core stays free of LLM libraries.
 */
import { z } from 'zod';
import { ToolError } from '../../errors.ts';
import type { Reply } from '../../reply.ts';
import { defineTool } from '../../tool.ts';
import { providedKnowledgeBase } from '../../domain/knowledge/knowledge-base.ts';

/** Passages shown per answer: enough to see the rule and its neighbour, short enough for chat. */
export const ASK_PASSAGES = 3;

/** Characters of one passage shown in the reply. */
const EXCERPT_CHARS = 700;

const input = z.object({
  question: z
    .string({ error: 'ask a question, e.g. /ask what is Amazon’s title limit?' })
    .trim()
    .min(3, 'ask a question of at least 3 characters, e.g. /ask Amazon title limit')
    .max(300, 'keep the question under 300 characters'),
});

/** Cuts a passage at a line or sentence end near `max` characters. */
function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return `${(end > max / 2 ? cut.slice(0, end + 1) : cut).trimEnd()} …`;
}

/** The knowledge-base tool. */
export const askKnowledge = defineTool({
  name: 'ask',
  command: '/ask',
  summary: {
    en: 'Answer from our knowledge base: platform listing rules, brand guide, playbook',
    zh: '从知识库回答：平台上架规则、品牌规范、运营手册',
  },
  usage: '<question>',
  examples: ['/ask what is Amazon’s title limit?', '/ask how do we pick logistics for a light item?', '/ask 新平台首批铺货多少'],
  roles: ['staff', 'cs', 'marketing', 'manager', 'admin'],
  effect: 'read',
  input,
  parseArgs(tokens) {
    return { question: tokens.join(' ') };
  },
  async run(ctx, args): Promise<Reply> {
    const { t } = ctx;
    const knowledgeBase = providedKnowledgeBase();
    if (!knowledgeBase) throw new ToolError('not_found', t('ask.unavailable'));
    const passages = await knowledgeBase.search(args.question, ASK_PASSAGES);
    if (passages.length === 0) {
      throw new ToolError('not_found', t('ask.nothing', { question: args.question }), { hints: [t('ask.tryWords')] });
    }
    const sources = [...new Set(passages.map((p) => p.source))];
    return {
      kind: 'result',
      locale: ctx.locale,
      title: t('ask.title'),
      summary: t('ask.summary', { question: args.question }),
      fields: passages.map((p) => ({ label: p.heading, value: excerpt(p.text, EXCERPT_CHARS) })),
      notes: [t('ask.sources', { sources: sources.join(', ') })],
    };
  },
});
