/**
 * Slack's assistant surface (Bolt's Assistant class), end to end on loopback: a new assistant
 * thread gets a greeting and suggested prompts fitted to the person's role and language; a
 * message in it gets a title, a status and then the answer, streamed where the workspace can
 * stream and posted-then-updated where it cannot; the feedback buttons under it are recorded.
 * Event shapes follow Slack's assistant_thread_started and message.im documentation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseText } from '../../src/bot/command-grammar.ts';
import { openDemoDb, type DemoDb } from '../helpers/demo-db.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { blockActionsBody, postSigned, startSlackBot, type RunningSlackBot } from '../helpers/slack.ts';

const BOB = 'U0BOB0001'; // staff, English
const DAN = 'U0DAN0001'; // marketing, prefers Chinese
const STRANGER = 'U0NOBODY1';

let demo: DemoDb;
let seq = 0;

beforeAll(async () => {
  demo = await openDemoDb();
  await demo.db.teamMember.update({ where: { handle: 'bob' }, data: { slackUserId: BOB } });
  await demo.db.teamMember.update({ where: { handle: 'dan' }, data: { slackUserId: DAN, locale: 'zh' } });
});

afterAll(async () => {
  await demo?.dispose();
});

function envelope(event: Record<string, unknown>): string {
  seq += 1;
  return JSON.stringify({
    token: 'verification-token',
    team_id: 'T111',
    api_app_id: 'A111',
    event,
    type: 'event_callback',
    event_id: `Ev0ASSIST${seq}`,
    event_time: 1729999327,
    authorizations: [{ enterprise_id: null, team_id: 'T111', user_id: 'UBOT0OPS', is_bot: true, is_enterprise_install: false }],
  });
}

function threadStarted(userId: string, channel: string, threadTs: string): string {
  return envelope({
    type: 'assistant_thread_started',
    assistant_thread: { user_id: userId, context: { channel_id: 'C0OPS', team_id: 'T111' }, channel_id: channel, thread_ts: threadTs },
    event_ts: threadTs,
  });
}

function threadMessage(userId: string, channel: string, threadTs: string, ts: string, text: string): string {
  return envelope({ type: 'message', user: userId, text, ts, thread_ts: threadTs, channel, channel_type: 'im', event_ts: ts });
}

const json = { contentType: 'application/json' };

describe('assistant threads', () => {
  let fake: FakeSlack;
  let slack: RunningSlackBot;

  beforeAll(async () => {
    fake = await FakeSlack.start();
    slack = await startSlackBot({ db: demo.db, fake });
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.stop();
  });

  const promptsFor = (threadTs: string) =>
    fake.waitFor(`suggested prompts for ${threadTs}`, () => fake.callsTo('assistant.threads.setSuggestedPrompts').find((c) => c.params.thread_ts === threadTs));

  it('greets a new thread and suggests prompts fitted to the role', async () => {
    await postSigned(slack.baseUrl, threadStarted(BOB, 'D0BOB', '1729999327.100001'), json);
    const call = await promptsFor('1729999327.100001');
    expect(call.params.channel_id).toBe('D0BOB');
    expect(call.params.title).toBe('Try one of these:');
    const prompts = call.params.prompts as Array<{ title: string; message: string }>;
    expect(prompts.slice(0, 2)).toEqual([
      { title: 'Check stock of a SKU', message: '/stock WB-500' },
      { title: 'Stock on one platform', message: '/stock WB-500 amazon-us' },
    ]);
    expect(prompts.length).toBeLessThanOrEqual(4);
    // Each one is a command bob may run that changes nothing.
    for (const prompt of prompts) {
      const parsed = parseText(prompt.message, slack.pipeline.registry);
      expect(parsed.kind, prompt.message).toBe('command');
      if (parsed.kind !== 'command') continue;
      expect(parsed.tool.effect).not.toBe('write');
      expect(parsed.tool.roles === 'anyone' || parsed.tool.roles.includes('staff')).toBe(true);
    }
    const greeting = fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === '1729999327.100001');
    expect(greeting?.params.text).toContain('Hi Bob Li');
  });

  it('suggests in the person’s language, and only help and whoami to someone unknown', async () => {
    await postSigned(slack.baseUrl, threadStarted(DAN, 'D0DAN', '1729999327.100002'), json);
    const dan = await promptsFor('1729999327.100002');
    expect(dan.params.title).toBe('试试这些：');
    const titles = (dan.params.prompts as Array<{ title: string }>).map((p) => p.title);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/\p{Script=Han}/u);

    await postSigned(slack.baseUrl, threadStarted(STRANGER, 'D0NOBODY', '1729999327.100003'), json);
    const stranger = await promptsFor('1729999327.100003');
    expect((stranger.params.prompts as Array<{ message: string }>).map((p) => p.message)).toEqual(['/help', '/whoami']);
  });

  it('answers a message with a title, a status, then the streamed answer with feedback buttons', async () => {
    const threadTs = '1729999327.200001';
    const ts = '1729999400.000100';
    await postSigned(slack.baseUrl, threadMessage(BOB, 'D0BOB', threadTs, ts, 'stock WB-500'), json);
    const stop = await fake.waitFor('chat.stopStream', () => fake.callsTo('chat.stopStream').find((c) => c.params.channel === 'D0BOB'));

    const inThread = (c: SlackCall) => c.params.thread_ts === threadTs || c.params.channel_id === 'D0BOB' || c.params.channel === 'D0BOB';
    const order = fake.calls.filter(inThread).map((c) => c.method);
    expect(order.indexOf('assistant.threads.setTitle')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('assistant.threads.setStatus')).toBeLessThan(order.indexOf('chat.startStream'));
    expect(fake.callsTo('assistant.threads.setStatus').find((c) => c.params.thread_ts === threadTs)?.params.status).toBe('is running /stock…');
    expect(fake.callsTo('assistant.threads.setTitle').find((c) => c.params.thread_ts === threadTs)?.params.title).toBe('stock WB-500');

    const start = fake.callsTo('chat.startStream').find((c) => c.params.thread_ts === threadTs);
    expect(start?.params).toMatchObject({ channel: 'D0BOB', recipient_user_id: BOB, recipient_team_id: 'T111' });
    // The only stream in this DM so far: start, its appends, stop.
    const streamed = [start, ...fake.callsTo('chat.appendStream').filter((c) => c.params.channel === 'D0BOB'), stop]
      .flatMap((c) => (c?.params.chunks as Array<{ text?: string }> | undefined) ?? [])
      .map((chunk) => chunk.text ?? '')
      .join('');
    expect(streamed).toContain('**Stock · WB-500');
    expect(streamed).toContain('FBA-US (fba)');

    const feedback = JSON.stringify(stop.params.blocks);
    expect(feedback).toContain('feedback_buttons');
    expect(feedback).toContain(`/rate useful slack:D0BOB:${ts} tool=stock`);
    expect(feedback).toContain('/stock WB-500 amazon-us'); // the answer's own buttons come with it
  });

  it('records a press of the feedback buttons for the NL evaluation', async () => {
    const value = `/rate not-useful slack:D0BOB:1729999400.000100 tool=stock`;
    const body = blockActionsBody({
      userId: BOB,
      actionId: 'ops:feedback',
      actionType: 'feedback_buttons',
      value,
      label: 'Not useful',
      triggerId: 'trigger.feedback.1',
      channelId: 'D0BOB',
      messageTs: '1729999401.000100',
      responseUrl: fake.responseUrl('feedback'),
    });
    expect((await postSigned(slack.baseUrl, body)).status).toBe(200);
    const thanks = await fake.waitFor('the thanks', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === BOB && String(c.params.text).includes('not useful')));
    expect(thanks.params.channel).toBe('D0BOB');
    const events = await demo.db.auditEvent.findMany({ where: { action: 'answer.feedback' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: 'bob', via: 'slack', targetType: 'answer', targetId: 'slack:D0BOB:1729999400.000100', after: { verdict: 'not-useful', tool: 'stock' } });
  });
});

describe('a workspace without streaming', () => {
  it('gets the first answer posted, and later ones posted at once and then updated', async () => {
    const fake = await FakeSlack.start({ streamingError: 'feature_not_enabled' });
    const slack = await startSlackBot({ db: demo.db, fake });
    try {
      const threadTs = '1729999500.000001';
      await postSigned(slack.baseUrl, threadMessage(BOB, 'D0BOB', threadTs, '1729999500.000100', 'whoami'), json);
      const first = await fake.waitFor('the first answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === threadTs));
      expect(fake.callsTo('chat.startStream')).toHaveLength(1);
      expect(JSON.stringify(first.params.blocks)).toContain('feedback_buttons');

      await postSigned(slack.baseUrl, threadMessage(BOB, 'D0BOB', threadTs, '1729999500.000200', 'stock WB-500'), json);
      const update = await fake.nthCall('chat.update');
      const placeholder = fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === threadTs)[1];
      expect(placeholder?.params.text).toBe('Working on stock WB-500…');
      expect(update.params.text).toContain('Stock · WB-500');
      expect(JSON.stringify(update.params.blocks)).toContain('feedback_buttons');
      expect(fake.callsTo('chat.startStream')).toHaveLength(1); // not tried again
    } finally {
      await slack.stop();
      await fake.stop();
    }
  });
});
