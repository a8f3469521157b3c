/**
 * Buttons that ask the presser for words before they run (a ChatAction with `ask`, e.g. Reject,
 * which needs a reason): Slack's way is a modal with one text input, opened with views.open on
 * the click's trigger_id. The modal carries where the button was (private_metadata), so the
 * submission runs the button's command with the answer appended, through the same pipeline, and
 * updates the same message. Slack enforces the input's bounds; the submission is checked again.
 */
import type { types as Slack } from '@slack/bolt';
import { z } from 'zod';
import type { Translate } from '../../core/i18n/index.ts';
import type { ActionPrompt, ChatAction } from '../../core/reply.ts';
import { cut } from './render.ts';

/** callback_id of our modals. */
export const ASK_CALLBACK_ID = 'ops:ask';
/** block_id and action_id of the modal's text input. */
const INPUT_BLOCK = 'answer';
const INPUT_ACTION = 'answer';
/** Slack: modal titles ≤ 24 characters, submit/close ≤ 24, labels ≤ 2000, private_metadata ≤ 3000. */
const TITLE_MAX = 24;
const PLAIN_INPUT_MAX = 3000;

/** Where the button was and what it does: the modal's private_metadata. */
export const askContextSchema = z.object({
  action: z.object({ id: z.string(), actionId: z.string(), label: z.string(), command: z.string().startsWith('/') }),
  ask: z.object({ minLength: z.number().int().min(0).optional(), maxLength: z.number().int().min(1).optional() }),
  channel: z.string().min(1),
  messageTs: z.string().min(1),
  threadTs: z.string().optional(),
  ephemeral: z.boolean(),
});

/** What a submitted modal carries. */
export type AskContext = z.infer<typeof askContextSchema>;

/** The fields of a view_submission payload we use. */
export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: z.object({ id: z.string().min(1), name: z.string().optional() }),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.literal(ASK_CALLBACK_ID),
    private_metadata: z.string(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish() }))) }),
  }),
});

/** The modal asking for `ask` before `action` runs. */
export function askView(action: ChatAction & { ask: ActionPrompt }, context: AskContext, t: Translate): Slack.ModalView {
  const min = Math.max(0, Math.min(action.ask.minLength ?? 1, PLAIN_INPUT_MAX));
  const max = Math.max(1, Math.min(action.ask.maxLength ?? PLAIN_INPUT_MAX, PLAIN_INPUT_MAX));
  const input: Slack.InputBlock = {
    type: 'input',
    block_id: INPUT_BLOCK,
    label: { type: 'plain_text', text: cut(action.ask.label, 2000) },
    element: { type: 'plain_text_input', action_id: INPUT_ACTION, multiline: true, ...(min > 0 ? { min_length: min } : {}), max_length: max },
  };
  return {
    type: 'modal',
    callback_id: ASK_CALLBACK_ID,
    title: { type: 'plain_text', text: cut(action.label, TITLE_MAX) },
    submit: { type: 'plain_text', text: cut(t('slack.askSubmit'), TITLE_MAX) },
    close: { type: 'plain_text', text: cut(t('slack.askCancel'), TITLE_MAX) },
    private_metadata: JSON.stringify(context),
    blocks: [input],
  };
}

/** The typed answer of a submitted modal, whitespace folded (a command is one line); '' when empty. */
export function submittedAnswer(values: z.infer<typeof viewSubmissionSchema>['view']['state']['values']): string {
  return (values[INPUT_BLOCK]?.[INPUT_ACTION]?.value ?? '').replace(/\s+/g, ' ').trim();
}

/** What is wrong with `answer` for the modal, or null when it fits (the modal shows it under the input). */
export function answerProblem(answer: string, ask: AskContext['ask'], t: Translate): Record<string, string> | null {
  if (answer.length < Math.max(1, ask.minLength ?? 1)) return { [INPUT_BLOCK]: t('slack.askTooShort', { n: Math.max(1, ask.minLength ?? 1) }) };
  if (ask.maxLength !== undefined && answer.length > ask.maxLength) return { [INPUT_BLOCK]: t('slack.askTooLong', { n: ask.maxLength }) };
  return null;
}
