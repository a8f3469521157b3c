/** Buttons that ask for words first (Reject asks why): how they are rendered, read back, and asked in a modal. */
import { describe, expect, it } from 'vitest';
import { answerProblem, askView, submittedAnswer, type AskContext } from '../../../src/adapters/slack/ask.ts';
import { blockActionsSchema, decodeClick } from '../../../src/adapters/slack/inbound.ts';
import { renderMessage } from '../../../src/adapters/slack/render.ts';
import { translator } from '../../../src/core/i18n/index.ts';
import type { ChatAction, Reply } from '../../../src/core/reply.ts';
import { fixtureJson } from '../../helpers/slack.ts';

const reject: ChatAction = {
  id: 'reject',
  label: 'Reject BR-12',
  command: '/budget reject BR-12',
  style: 'danger',
  ask: { label: 'Why is BR-12 rejected? The requester will read it.', minLength: 3, maxLength: 300 },
};
const approve: ChatAction = { id: 'approve', label: 'Approve BR-12', command: '/budget approve BR-12', style: 'primary' };

type Button = { action_id: string; value: string; text: { text: string }; type: string };

function renderedButtons(actions: ChatAction[]): Button[] {
  const reply: Reply = { kind: 'result', locale: 'en', title: 'Budget change BR-12', actions };
  const blocks = renderMessage(reply).blocks as Array<{ type: string; elements?: Button[] }>;
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

/** The shared block_actions fixture, clicking `button`. */
function clicked(button: { action_id: string; value: string; text: { text: string } }) {
  const payload = fixtureJson<Record<string, unknown> & { actions: Array<Record<string, unknown>> }>('slack-block-actions.json');
  payload.actions = [{ ...payload.actions[0], type: 'button', action_id: button.action_id, value: button.value, text: { type: 'plain_text', text: button.text.text } }];
  return blockActionsSchema.parse(payload);
}

describe('a button that asks first', () => {
  it('carries its question in the value and reads back as the same ChatAction', () => {
    const [approveButton, rejectButton] = renderedButtons([approve, reject]);
    expect(approveButton?.value).toBe('/budget approve BR-12');
    expect(JSON.parse(rejectButton?.value ?? '')).toEqual({ command: '/budget reject BR-12', ask: reject.ask });
    const click = decodeClick(clicked(rejectButton as Button));
    expect(click).toEqual({ kind: 'button', actionId: 'ops:1:reject', action: { id: 'reject', label: 'Reject BR-12', command: '/budget reject BR-12', ask: reject.ask } });
    expect(decodeClick(clicked(approveButton as Button))).toMatchObject({ kind: 'button', action: { command: '/budget approve BR-12' } });
  });

  it('treats a value that is neither a command nor our JSON as not ours', () => {
    for (const value of ['{"command":"rm -rf","ask":{"label":"x"}}', '{not json', '{"command":"/budget reject BR-1"}', 'plain words']) {
      expect(decodeClick(clicked({ action_id: 'ops:0:reject', value, text: { text: 'Reject' } }))).toEqual({ kind: 'foreign' });
    }
  });

  it('asks in a modal within Slack’s limits, keeping where the button was', () => {
    const t = translator('en');
    const context: AskContext = {
      action: { id: 'reject', actionId: 'ops:1:reject', label: 'Reject BR-12 for a very long reason indeed', command: '/budget reject BR-12' },
      ask: { minLength: 3, maxLength: 300 },
      channel: 'C0APPROVALS',
      messageTs: '1700000001.000100',
      ephemeral: false,
    };
    const view = askView({ ...reject, label: context.action.label, ask: reject.ask as NonNullable<ChatAction['ask']> }, context, t);
    expect(view.type).toBe('modal');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks[0]).toMatchObject({ type: 'input', element: { type: 'plain_text_input', min_length: 3, max_length: 300 } });
    expect(JSON.parse(view.private_metadata ?? '')).toEqual(context);
  });

  it('checks the answer again: folded to one line, refused when too short or too long', () => {
    const t = translator('en');
    const zh = translator('zh');
    expect(submittedAnswer({ answer: { answer: { value: '  ROAS too low\n\nto scale ' } } })).toBe('ROAS too low to scale');
    expect(submittedAnswer({})).toBe('');
    expect(answerProblem('no', { minLength: 3, maxLength: 300 }, t)).toEqual({ answer: 'Write at least 3 characters.' });
    expect(answerProblem('x'.repeat(301), { minLength: 3, maxLength: 300 }, t)).toEqual({ answer: 'Keep it under 300 characters.' });
    expect(answerProblem('', {}, zh)).toEqual({ answer: '请至少写 1 个字符。' });
    expect(answerProblem('ROAS too low', { minLength: 3, maxLength: 300 }, t)).toBeNull();
  });
});
