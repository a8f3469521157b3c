/**
 * Budget approval cards in Slack, end to end on loopback: the real Bolt HTTPReceiver, the real
 * budget tools on a copy of the demo database, the notification outbox delivered through Slack,
 * and a fake Slack Web API that records what the bot sends. Also: files a reply carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb, type DemoDb } from '../helpers/demo-db.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { blockActionsBody, postSigned, slashCommandBody, startSlackBot, viewSubmissionBody, type RunningSlackBot } from '../helpers/slack.ts';

const BOB = 'U0BOB0001'; // staff, asks for budget changes
const ALICE = 'U0ALICE01'; // manager
const ERIN = 'U0ERIN001'; // admin
const DAN = 'U0DAN0001'; // marketing
const CHANNEL = 'C0APPROVALS'; // what the fake calls #approvals

type Button = { action_id: string; value: string; text: { text: string } };
type Block = { type: string; elements?: unknown[] };

let demo: DemoDb;
let fake: FakeSlack;
let slack: RunningSlackBot;
let seq = 0;
const next = (prefix: string) => `${prefix}${(seq += 1)}`;

function buttons(blocks: unknown): Button[] {
  return ((blocks ?? []) as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Button[]);
}

/** Sends a signed slash command; resolves with the first answer posted to its response_url. */
async function command(userId: string, name: string, text: string, channelId = 'C0OPS'): Promise<Record<string, unknown>> {
  const id = next('cmd');
  const body = slashCommandBody({ command: name, text, userId, responseUrl: fake.responseUrl(id), triggerId: next('trigger.'), channelId });
  expect((await postSigned(slack.baseUrl, body)).status).toBe(200);
  return (await fake.nthResponse(id)).body;
}

/** Clicks `button` of the message `messageTs` in `channel`; resolves with the response_url id. */
async function click(userId: string, button: Button, channel: string, messageTs: string): Promise<{ id: string; triggerId: string }> {
  const id = next('click');
  const triggerId = next('trigger.click.');
  const body = blockActionsBody({ userId, actionId: button.action_id, value: button.value, label: button.text.text, triggerId, channelId: channel, messageTs, responseUrl: fake.responseUrl(id) });
  expect((await postSigned(slack.baseUrl, body)).status).toBe(200);
  return { id, triggerId };
}

/** Bob asks for a change; resolves with its label and the card the outbox posted to #approvals. */
async function requestChange(text: string): Promise<{ label: string; card: SlackCall; ts: string; approve: Button; reject: Button }> {
  const answer = await command(BOB, '/budget', `request ${text}`);
  const label = /BR-\d+/.exec(String(answer.text))?.[0];
  if (!label) throw new Error(`no request in ${String(answer.text)}`);
  const card = await fake.waitFor(`the card of ${label}`, () => fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'approvals' && String(c.params.text).includes(label)));
  await slack.bot.deliverOutbox();
  const row = await demo.db.notification.findFirstOrThrow({ where: { subject: label, topic: 'budget.request' } });
  const [approve, reject] = buttons(card.params.blocks);
  if (!approve || !reject || !row.postedMessage) throw new Error('the card has no buttons, or its ts was not recorded');
  return { label, card, ts: row.postedMessage, approve, reject };
}

async function requestStatus(label: string): Promise<string> {
  return (await demo.db.budgetChangeRequest.findUniqueOrThrow({ where: { id: Number(label.slice(3)) } })).status;
}

beforeAll(async () => {
  demo = await openDemoDb();
  for (const [handle, slackUserId] of [['bob', BOB], ['alice', ALICE], ['erin', ERIN], ['dan', DAN]] as const) {
    await demo.db.teamMember.update({ where: { handle }, data: { slackUserId } });
  }
  fake = await FakeSlack.start();
  slack = await startSlackBot({ db: demo.db, fake, now: new Date(demo.referenceDate.getTime() + 12 * 3_600_000) });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
  await demo?.dispose();
});

describe('budget approval cards', () => {
  it('posts the card to the approvals channel; a manager’s Approve applies it once, the card shows who and when, the requester hears by DM', async () => {
    const budget = await demo.db.budget.findFirstOrThrow({ where: { platform: { code: 'amazon-us' }, purpose: 'ads', period: '2026-11' } });
    const { label, card, ts, approve, reject } = await requestChange('amazon-us +500 Black Friday push');
    expect(card.params.text).toContain(`Budget change ${label}`);
    expect(approve.value).toBe(`/budget approve ${label}`);
    expect(JSON.parse(reject.value)).toMatchObject({ command: `/budget reject ${label}`, ask: { minLength: 3 } });
    const posted = await demo.db.notification.findFirstOrThrow({ where: { subject: label, topic: 'budget.request' } });
    expect(posted).toMatchObject({ deliveredVia: 'slack', postedChannel: CHANNEL });

    // Bob may not decide (and not his own request): refused, only to him, nothing changes.
    await click(BOB, approve, CHANNEL, ts);
    const refusal = await fake.waitFor('the refusal', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === BOB && String(c.params.text).includes('/budget approve')));
    expect(refusal.params.channel).toBe(CHANNEL);
    expect(Number((await demo.db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount));

    await click(ALICE, approve, CHANNEL, ts);
    const pressed = await fake.waitFor('the card updated after the click', () => fake.callsTo('chat.update').find((c) => c.params.ts === ts && JSON.stringify(c.params.blocks).includes('pressed by')));
    expect(pressed.params.channel).toBe(CHANNEL);
    expect(JSON.stringify(pressed.params.blocks)).toContain(`pressed by <@${ALICE}>`);
    expect(buttons(pressed.params.blocks)).toEqual([]);
    const after = await demo.db.budget.findUniqueOrThrow({ where: { id: budget.id } });
    expect(Number(after.amount)).toBe(Number(budget.amount) + 500);
    expect(after.version).toBe(budget.version + 1);

    // The outbox's decision edits the same card (who approved, when) and tells Bob in his DM.
    const decided = await fake.waitFor('the decision on the card', () => fake.callsTo('chat.update').find((c) => c.params.ts === ts && String(c.params.text).includes('Approved by Alice')));
    expect(decided.params.channel).toBe(CHANNEL);
    expect(buttons(decided.params.blocks)).toEqual([]);
    const dm = await fake.waitFor('the DM to Bob', () => fake.callsTo('chat.postMessage').find((c) => c.params.channel === BOB && String(c.params.text).includes(label)));
    expect(String(dm.params.text)).toContain('approved');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'approvals' && String(c.params.text).includes(label))).toHaveLength(1);

    // Pressed again: nothing more happens.
    await click(ALICE, approve, CHANNEL, ts);
    await fake.waitFor('the "already pressed" note', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === ALICE && String(c.params.text).includes('already pressed')));
    expect(Number((await demo.db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount) + 500);
    expect(await demo.db.budgetLedgerEntry.count({ where: { requestId: Number(label.slice(3)) } })).toBe(1);
    await slack.bot.deliverOutbox();
    expect(await demo.db.notification.count({ where: { deliveredAt: null } })).toBe(0);
  });

  it('Reject asks for the reason in a modal; too short is refused in the modal; with a reason it rejects once and tells the requester why', async () => {
    const { label, ts, reject } = await requestChange('amazon-us +300 test a new ad set');

    // Bob may not reject: no modal, an ephemeral refusal.
    await click(BOB, reject, CHANNEL, ts);
    await fake.waitFor('the refusal', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === BOB && String(c.params.text).includes('/budget reject')));
    expect(fake.callsTo('views.open')).toHaveLength(0);

    const { triggerId } = await click(ALICE, reject, CHANNEL, ts);
    const opened = await fake.nthCall('views.open');
    expect(opened.params.trigger_id).toBe(triggerId);
    const view = opened.params.view as Record<string, unknown> & { blocks: Array<{ type: string; label: { text: string }; element: Record<string, unknown> }> };
    expect(view).toMatchObject({ type: 'modal', callback_id: 'ops:ask', title: { text: `Reject ${label}` } });
    expect(view.blocks[0]).toMatchObject({ type: 'input', element: { type: 'plain_text_input', min_length: 3, max_length: 300 } });
    expect(view.blocks[0]?.label.text).toContain(`Why is ${label} rejected?`);
    expect(await requestStatus(label)).toBe('pending');

    // Too short: Slack shows the error under the input, the modal stays, nothing runs.
    const short = await postSigned(slack.baseUrl, viewSubmissionBody({ userId: ALICE, view, viewId: 'V0REJECT1', answer: ' no ' }));
    expect(short.status).toBe(200);
    expect(await short.json()).toEqual({ response_action: 'errors', errors: { answer: 'Write at least 3 characters.' } });
    expect(await requestStatus(label)).toBe('pending');

    const sent = await postSigned(slack.baseUrl, viewSubmissionBody({ userId: ALICE, view, viewId: 'V0REJECT1', answer: 'ROAS too low\nto scale' }));
    expect(sent.status).toBe(200);
    expect(await sent.text()).toBe('');
    const pressed = await fake.waitFor('the card updated after the reject', () => fake.callsTo('chat.update').find((c) => c.params.ts === ts && JSON.stringify(c.params.blocks).includes('pressed by')));
    expect(JSON.stringify(pressed.params.blocks)).toContain(`Reject ${label} · pressed by <@${ALICE}>`);
    expect(String(pressed.params.text)).toContain('ROAS too low to scale');
    expect(await requestStatus(label)).toBe('rejected');
    const decision = await demo.db.approvalDecision.findFirstOrThrow({ where: { requestId: Number(label.slice(3)) } });
    expect(decision).toMatchObject({ decision: 'reject', reason: 'ROAS too low to scale' });
    const dm = await fake.waitFor('the DM to Bob', () => fake.callsTo('chat.postMessage').find((c) => c.params.channel === BOB && String(c.params.text).includes(label)));
    expect(String(dm.params.text)).toContain('ROAS too low to scale');

    // The same submission again (a retry): nothing more.
    await postSigned(slack.baseUrl, viewSubmissionBody({ userId: ALICE, view, viewId: 'V0REJECT1', answer: 'ROAS too low to scale' }));
    await slack.bot.deliverOutbox();
    expect(await demo.db.approvalDecision.count({ where: { requestId: Number(label.slice(3)) } })).toBe(1);
    expect(await demo.db.auditEvent.count({ where: { action: 'budget.reject', targetId: label } })).toBe(1);
  });

  it('a change above the threshold needs two approvers: the card keeps its buttons for the second one', async () => {
    const budget = await demo.db.budget.findFirstOrThrow({ where: { platform: { code: 'amazon-us' }, purpose: 'ads', period: '2026-11' } });
    const { label, ts, approve } = await requestChange('amazon-us +12000 peak season scale-up');
    await click(ALICE, approve, CHANNEL, ts);
    const partly = await fake.waitFor('the card after the first approval', () => fake.callsTo('chat.update').find((c) => c.params.ts === ts && buttons(c.params.blocks).length > 0));
    expect(String(partly.params.text)).toContain('1 of 2');
    expect(await requestStatus(label)).toBe('pending');

    await click(ERIN, approve, CHANNEL, ts);
    await fake.waitFor('the card after the second approval', () => fake.callsTo('chat.update').find((c) => c.params.ts === ts && /Approved by Alice Chen &amp; Erin Walsh at /.test(String(c.params.text))));
    expect(await requestStatus(label)).toBe('approved');
    expect(Number((await demo.db.budget.findUniqueOrThrow({ where: { id: budget.id } })).amount)).toBe(Number(budget.amount) + 12_000);
  });
});

describe('files a reply carries', () => {
  it('uploads /copy export’s CSV beside the answer (getUploadURLExternal, upload, completeUploadExternal)', async () => {
    const variants = await command(DAN, '/copy', 'WB-500 amazon-us');
    const approveFirst = buttons(variants.blocks).find((b) => b.value.startsWith('/copy approve '));
    if (!approveFirst) throw new Error('no Approve button on the variants');
    const approved = await command(DAN, '/copy', approveFirst.value.replace('/copy ', ''));
    expect(String(approved.text)).toContain(approveFirst.value.split(' ')[2]);

    const exported = await command(DAN, '/copy', 'export');
    expect(String(exported.text)).toContain('Copy export');
    const file = await fake.waitFor('a shared file', () => fake.files.find((f) => f.channel === 'C0OPS'));
    expect(file.filename).toMatch(/\.csv$/);
    expect(file.content).toContain('Verdant Goods');
    const [requested] = fake.callsTo('files.getUploadURLExternal');
    expect(requested?.params).toMatchObject({ filename: file.filename, length: String(Buffer.byteLength(file.content)) });
    expect(fake.callsTo('files.completeUploadExternal')[0]?.params).toMatchObject({ channel_id: 'C0OPS' });
  });

  it('tells the asker when the file cannot be posted there, and still answers', async () => {
    fake.failNext('files.completeUploadExternal', 'not_in_channel');
    const exported = await command(DAN, '/copy', 'export', 'C0ELSEWHERE');
    expect(String(exported.text)).toContain('Copy export');
    const note = await fake.waitFor('the note about the file', () => fake.responses.find((r) => String(r.body.text).includes('could not attach')));
    expect(note.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(note.body.text)).toContain('not_in_channel');
  });
});
