/**
 * Turning what the agent did into the answer the user sees: the tool's own Reply, plus at most
 * two sentences from the model in the user's language. The model's words are output from a
 * system that read customer text, so they are cut to size and dropped when they are not in the
 * user's language or try to look like markup.
 */
import type { Outcome } from '../../bot/pipeline.ts';
import type { Locale } from '../../core/i18n/index.ts';
import type { ChatAction, Reply } from '../../core/reply.ts';

/** Sentences of the model kept in an answer. */
export const MAX_MODEL_SENTENCES = 2;

/** Characters of the model's sentences kept in an answer. */
const MAX_MODEL_CHARS = 360;

const HAN = /\p{Script=Han}/gu;
const LETTER = /\p{L}/gu;

/** Whether `text` is written in `locale` (Chinese: mostly Han characters; English: hardly any). */
export function writtenIn(text: string, locale: Locale): boolean {
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters === 0) return false;
  const han = text.match(HAN)?.length ?? 0;
  return locale === 'zh' ? han / letters >= 0.3 : han / letters < 0.1;
}

/**
 * At most two sentences of the model's text, as plain text; null when there is nothing usable
 * (empty, another language, or markup such as a forged <data> block).
 */
export function modelSentences(text: string, locale: Locale, max = MAX_MODEL_SENTENCES): string | null {
  if (/<\/?\s*(data|system|tool)\b/i.test(text)) return null;
  const plain = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*_`#>|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '' || !writtenIn(plain, locale)) return null;
  const segmenter = new Intl.Segmenter(locale === 'zh' ? 'zh' : 'en', { granularity: 'sentence' });
  const sentences = [...segmenter.segment(plain)].map((s) => s.segment.trim()).filter(Boolean).slice(0, max);
  const joined = sentences.join(locale === 'zh' ? '' : ' ');
  return joined.length > MAX_MODEL_CHARS ? `${joined.slice(0, MAX_MODEL_CHARS - 1).trimEnd()}…` : joined;
}

/** `reply` with the model's sentences above its own summary. */
export function withModelSentences(reply: Reply, sentences: string | null): Reply {
  if (!sentences) return reply;
  return { ...reply, summary: reply.summary ? `${sentences}\n${reply.summary}` : sentences };
}

/** `reply` with a note added at the end. */
export function withNote(reply: Reply, note: string): Reply {
  return { ...reply, notes: [...(reply.notes ?? []), note] };
}

/**
 * One answer from the tools that ran: the first one's reply, with the tables, fields, notes and
 * buttons of the others after it (e.g. stock on two platforms asked in one question).
 */
export function mergeOutcomes(outcomes: readonly Outcome[]): Outcome {
  const [first, ...rest] = outcomes;
  if (!first) throw new Error('mergeOutcomes needs at least one outcome');
  if (rest.length === 0) return first;
  const replies = [first.reply, ...rest.map((o) => o.reply)];
  const actions = new Map<string, ChatAction>();
  for (const action of replies.flatMap((r) => r.actions ?? [])) if (!actions.has(action.command)) actions.set(action.command, action);
  const reply: Reply = {
    ...first.reply,
    fields: replies.flatMap((r) => r.fields ?? []),
    tables: replies.flatMap((r, i) =>
      (r.tables ?? []).map((table) => (i === 0 || !r.title ? table : { ...table, title: [r.title, table.title].filter(Boolean).join(' · ') })),
    ),
    notes: [...new Set([...replies.slice(1).flatMap((r) => [r.summary].filter((s): s is string => Boolean(s))), ...replies.flatMap((r) => r.notes ?? [])])],
    actions: [...actions.values()].slice(0, 10),
  };
  for (const key of ['fields', 'tables', 'notes', 'actions'] as const) if (reply[key]?.length === 0) delete reply[key];
  return { ...first, reply };
}
