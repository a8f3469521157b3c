/**
 * Slack over HTTP, end to end on loopback: the real Bolt HTTPReceiver, the real pipeline and
 * tools on a copy of the demo database, and a fake Slack Web API that records what the bot sends.
 * Requests are the shared real payloads, signed as Slack signs them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type ToolDefinition } from '../../src/core/tool.ts';
import { ALL_TOOLS } from '../../src/core/tools/index.ts';
import { openDemoDb, type DemoDb } from '../helpers/demo-db.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import {
  blockActionsBody,
  eventCallback,
  fixtureJson,
  fixtureText,
  postSigned,
  signedHeaders,
  slashCommandBody,
  startSlackBot,
  type RunningSlackBot,
} from '../helpers/slack.ts';

const BOB = 'U0BOB0001'; // staff
const ALICE = 'U0ALICE01'; // manager
const STRANGER = 'U0NOBODY1'; // not linked to anyone

// Test-only tools: a card with an Approve button, the write it triggers (deliberately not
// idempotent, so a second application would show), and a tool that waits until released.
const propose = defineTool({
  name: 'test-propose',
  command: '/testpropose',
  summary: { en: 'a card with an approve button', zh: '带批准按钮的卡片' },
  usage: '<platform>',
  examples: ['/testpropose amazon-us'],
  roles: ['staff', 'manager'],
  effect: 'read',
  input: z.object({ platform: z.string().min(2) }),
  parseArgs: (tokens) => ({ platform: tokens[0] }),
  async run(ctx, args) {
    return {
      kind: 'result',
      locale: ctx.locale,
      title: `Raise market potential of ${args.platform}?`,
      actions: [
        { id: 'approve', label: 'Approve', command: `/testapprove ${args.platform}`, style: 'primary' },
        { id: 'look', label: 'Stock of WB-500', command: '/stock WB-500' },
      ],
    };
  },
});

const approve = defineTool({
  name: 'test-approve',
  command: '/testapprove',
  summary: { en: 'raises market potential by one', zh: '市场潜力加一' },
  usage: '<platform>',
  examples: ['/testapprove amazon-us'],
  roles: ['manager'],
  effect: 'write',
  input: z.object({ platform: z.string().min(2) }),
  parseArgs: (tokens) => ({ platform: tokens[0] }),
  async run(ctx, args) {
    const after = await ctx.transaction(async (tx, audit) => {
      const before = await tx.platform.findUniqueOrThrow({ where: { code: args.platform } });
      const updated = await tx.platform.update({ where: { code: args.platform }, data: { marketPotential: { increment: 1 } } });
      await audit({ action: 'test.approve', targetType: 'platform', targetId: args.platform, before: { marketPotential: before.marketPotential }, after: { marketPotential: updated.marketPotential } });
      return updated.marketPotential;
    });
    return { kind: 'result', locale: ctx.locale, title: 'Approved', summary: `Market potential of ${args.platform} is now ${after}.` };
  },
});

let release: () => void = () => {};
const held = new Promise<void>((resolve) => {
  release = resolve;
});
const slow = defineTool({
  name: 'test-slow',
  command: '/testslow',
  summary: { en: 'answers when the test releases it', zh: '测试放行后才回答' },
  usage: '',
  examples: ['/testslow'],
  roles: ['staff'],
  effect: 'read',
  input: z.object({}),
  parseArgs: () => ({}),
  async run(ctx) {
    await held;
    return { kind: 'result', locale: ctx.locale, summary: 'finally done' };
  },
});

const TOOLS = [...ALL_TOOLS, propose, approve, slow] as unknown as ToolDefinition[];

let demo: DemoDb;
let fake: FakeSlack;
let slack: RunningSlackBot;
let seq = 0;
const next = (prefix: string) => `${prefix}${(seq += 1)}`;

/** Sends a signed slash command and returns the HTTP status and the response_url id. */
async function command(userId: string, name: string, text: string, extra: { triggerId?: string } = {}): Promise<{ status: number; id: string; ackBody: string }> {
  const id = next('cmd');
  const body = slashCommandBody({ command: name, text, userId, responseUrl: fake.responseUrl(id), triggerId: extra.triggerId ?? next('trigger.') });
  const res = await postSigned(slack.baseUrl, body);
  return { status: res.status, id, ackBody: await res.text() };
}

type Block = { type: string; text?: { text: string }; elements?: Array<Record<string, unknown>>; fields?: unknown[] };

function buttons(blocks: unknown): Array<{ action_id: string; value: string; text: { text: string } }> {
  return (blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Array<{ action_id: string; value: string; text: { text: string } }>);
}

function allText(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? []) + String(body.text ?? '');
}

async function marketPotential(code: string): Promise<number> {
  return (await demo.db.platform.findUniqueOrThrow({ where: { code } })).marketPotential;
}

beforeAll(async () => {
  demo = await openDemoDb();
  await demo.db.teamMember.update({ where: { handle: 'bob' }, data: { slackUserId: BOB } });
  await demo.db.teamMember.update({ where: { handle: 'alice' }, data: { slackUserId: ALICE } });
  fake = await FakeSlack.start();
  slack = await startSlackBot({ db: demo.db, fake, tools: TOOLS });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
  await demo?.dispose();
});

describe('slash commands', () => {
  it('acks a signed /stock WB-500 with 200 and answers through response_url', async () => {
    const { status, id, ackBody } = await command(BOB, '/stock', 'WB-500');
    expect(status).toBe(200);
    expect(ackBody).toBe('');
    const answer = await fake.nthResponse(id);
    expect(answer.body.response_type).toBe('in_channel');
    expect(answer.body.text).toContain('Stock · WB-500');
    const text = allText(answer.body);
    expect(text).toContain('By warehouse');
    expect(text).toContain('FBA-US (fba)');
    expect(buttons(answer.body.blocks).map((b) => b.value)).toContain('/stock WB-500 amazon-us');
    // The bot verified its token once at start and needed no other Web API call for this.
    expect(fake.calls.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('takes /ops with a command without its slash, and a bare /ops as help', async () => {
    const withText = await command(BOB, '/ops', 'stock WB-500 amazon-us');
    expect((await fake.nthResponse(withText.id)).body.text).toContain('WB-500');
    const bare = await command(BOB, '/ops', '');
    expect((await fake.nthResponse(bare.id)).body.text).toContain('What I can do');
  });

  it('answers an unknown Slack user with an ephemeral refusal', async () => {
    const { id } = await command(STRANGER, '/stock', 'WB-500');
    const answer = await fake.nthResponse(id);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.text).toContain('I don’t know you yet');
  });

  it('shows bad input to the user only, with how to say it right', async () => {
    const { id } = await command(BOB, '/stock', 'x');
    const answer = await fake.nthResponse(id);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(allText(answer.body)).toContain('Usage: /stock');
  });

  it('shows "working…" when the answer takes a while, then replaces it with the answer', async () => {
    const patient = await startSlackBot({ db: demo.db, fake, tools: TOOLS, workingNoticeMs: 0 });
    try {
      const id = next('cmd');
      const body = slashCommandBody({ command: '/testslow', text: '', userId: BOB, responseUrl: fake.responseUrl(id), triggerId: next('trigger.') });
      expect((await postSigned(patient.baseUrl, body)).status).toBe(200);
      const notice = await fake.nthResponse(id, 1);
      expect(notice.body).toMatchObject({ response_type: 'ephemeral', text: 'Working on /testslow…' });
      release();
      const answer = await fake.nthResponse(id, 2);
      expect(answer.body).toMatchObject({ replace_original: true, response_type: 'in_channel', text: 'finally done' });
    } finally {
      await patient.stop();
    }
  });

  it('answers a repeated delivery (same trigger_id) once', async () => {
    const triggerId = next('trigger.repeat.');
    const first = await command(BOB, '/whoami', '', { triggerId });
    const second = await command(BOB, '/whoami', '', { triggerId });
    expect([first.status, second.status]).toEqual([200, 200]);
    await fake.nthResponse(first.id);
    // The second one is dropped after its ack: wait until the bot is idle, then look.
    const probe = await command(BOB, '/whoami', '');
    await fake.nthResponse(probe.id);
    expect(fake.responses.filter((r) => r.id === second.id)).toEqual([]);
  });
});

describe('requests that are not from Slack', () => {
  const body = () => slashCommandBody({ command: '/stock', text: 'WB-500', userId: BOB, responseUrl: fake.responseUrl('forged') });

  it('refuses a bad signature, a stale or future timestamp, and missing headers with 401; nothing happens', async () => {
    const callsBefore = fake.calls.length;
    const eventsBefore = await demo.db.processedEvent.count();
    const now = Math.floor(Date.now() / 1000);
    const statuses = [
      (await postSigned(slack.baseUrl, body(), { secret: 'not-the-signing-secret' })).status,
      (await postSigned(slack.baseUrl, body(), { timestamp: now - 6 * 60 })).status,
      (await postSigned(slack.baseUrl, body(), { timestamp: now + 6 * 60 })).status,
      (await fetch(`${slack.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body() })).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401]);

    // Slack's own signed example, byte for byte: its signature is right but from 2018.
    const [, ...headerLines] = fixtureText('slack-slash-command.headers.txt').trim().split('\n');
    const headers = Object.fromEntries(headerLines.map((l) => l.split(': ') as [string, string]));
    const verbatim = await fetch(`${slack.baseUrl}/slack/events`, { method: 'POST', headers, body: fixtureText('slack-slash-command.txt') });
    expect(verbatim.status).toBe(401);

    // Nothing was answered, called or recorded.
    const probe = await command(BOB, '/whoami', '');
    await fake.nthResponse(probe.id);
    expect(fake.responses.filter((r) => r.id === 'forged')).toEqual([]);
    expect(fake.calls.length).toBe(callsBefore);
    expect(await demo.db.processedEvent.count()).toBe(eventsBefore + 1); // the probe only
  });

  it('answers Slack’s url_verification challenge and serves /healthz', async () => {
    const challenge = fixtureJson('slack-url-verification.json');
    const res = await postSigned(slack.baseUrl, JSON.stringify(challenge), { contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: challenge.challenge });

    const health = await fetch(`${slack.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', mode: 'http', database: 'ok' });
  });
});

describe('mentions and DMs', () => {
  it('answers a mention in a thread, without the bot’s own mention in the question', async () => {
    const ts = '1610241741.000200';
    const event = eventCallback({ eventId: next('EvMention'), text: `<@${fake.botUserId}> stock WB-500`, userId: BOB, channel: 'C0OPS', ts });
    expect((await postSigned(slack.baseUrl, JSON.stringify(event), { contentType: 'application/json' })).status).toBe(200);
    const post = await fake.waitFor('the mention answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
    expect(post.params.channel).toBe('C0OPS');
    expect(post.params.text).toContain('Stock · WB-500');
    expect(post.token).toBe('xoxb-1111-2222-faketoken');
  });

  it('answers a question in a mention (the NL layer’s offline router picks the tool)', async () => {
    const ts = '1610241750.000250';
    const event = eventCallback({ eventId: next('EvQuestion'), text: `<@${fake.botUserId}> how many WB-500 for amazon-us?`, userId: BOB, channel: 'C0OPS', ts });
    await postSigned(slack.baseUrl, JSON.stringify(event), { contentType: 'application/json' });
    const post = await fake.waitFor('the answer to the question', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
    expect(post.params.text).toContain('Stock · WB-500 · Insulated water bottle 500 ml · amazon-us');
  });

  it('answers a DM in a thread', async () => {
    const ts = '1610241800.000300';
    const event = eventCallback({ eventId: next('EvDm'), type: 'message', channelType: 'im', text: 'whoami', userId: BOB, channel: 'D0BOB', ts });
    await postSigned(slack.baseUrl, JSON.stringify(event), { contentType: 'application/json' });
    const post = await fake.waitFor('the DM answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
    expect(post.params.channel).toBe('D0BOB');
    expect(JSON.stringify(post.params.blocks)).toContain('bob');
  });

  it('keeps errors in a channel to the asker (ephemeral, in the thread)', async () => {
    const ts = '1610241900.000400';
    const event = eventCallback({ eventId: next('EvErr'), text: `<@${fake.botUserId}> stock WB-500`, userId: STRANGER, channel: 'C0OPS', ts });
    await postSigned(slack.baseUrl, JSON.stringify(event), { contentType: 'application/json' });
    const eph = await fake.waitFor('an ephemeral refusal', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.thread_ts === ts));
    expect(eph.params.user).toBe(STRANGER);
    expect(fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts)).toBeUndefined();
  });

  it('answers an event retried by Slack (X-Slack-Retry-Num) once, even after a restart', async () => {
    const ts = '1610242000.000500';
    const eventId = next('EvRetry');
    const event = JSON.stringify(eventCallback({ eventId, text: `<@${fake.botUserId}> whoami`, userId: BOB, channel: 'C0OPS', ts }));
    const send = async (base: string, retry?: number) => {
      const headers: Record<string, string> = retry ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {};
      const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: { ...signedHeaders(event, { contentType: 'application/json' }), ...headers }, body: event });
      expect(res.status).toBe(200);
    };
    await send(slack.baseUrl);
    await fake.waitFor('the first answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
    await send(slack.baseUrl, 1);
    await send(slack.baseUrl, 2);

    // A new process on the same database also knows the event was answered.
    const restarted = await startSlackBot({ db: demo.db, fake, tools: TOOLS });
    try {
      await send(restarted.baseUrl, 3);
      // Let both bots finish anything they might do, with a request that does answer.
      const probeTs = '1610242001.000600';
      const probe = JSON.stringify(eventCallback({ eventId: next('EvProbe'), text: `<@${fake.botUserId}> whoami`, userId: BOB, channel: 'C0OPS', ts: probeTs }));
      await postSigned(restarted.baseUrl, probe, { contentType: 'application/json' });
      await fake.waitFor('the probe answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === probeTs));
      await postSigned(slack.baseUrl, probe.replace('EvProbe', 'EvProbeB').replace(probeTs, '1610242002.000700'), { contentType: 'application/json' });
      await fake.waitFor('the second probe answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === '1610242002.000700'));
    } finally {
      await restarted.stop();
    }
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
    expect(slack.logs.filter((l) => l.msg === 'repeated Slack event dropped' && l.eventId === eventId)).toHaveLength(2);
  });
});

describe('buttons', () => {
  /** Posts /testpropose, and returns the rendered Approve and read buttons of the answer. */
  async function card(): Promise<{ approve: { action_id: string; value: string; text: { text: string } }; look: { action_id: string; value: string; text: { text: string } }; messageTs: string }> {
    const { id } = await command(ALICE, '/testpropose', 'amazon-us');
    const answer = await fake.nthResponse(id);
    const [approveButton, lookButton] = buttons(answer.body.blocks);
    if (!approveButton || !lookButton) throw new Error('the card has no buttons');
    return { approve: approveButton, look: lookButton, messageTs: next('1700000500.') };
  }

  async function click(userId: string, button: { action_id: string; value: string; text: { text: string } }, messageTs: string): Promise<string> {
    const id = next('click');
    const body = blockActionsBody({ userId, actionId: button.action_id, value: button.value, label: button.text.text, triggerId: next('trigger.click.'), channelId: 'C0OPS', messageTs, responseUrl: fake.responseUrl(id) });
    expect((await postSigned(slack.baseUrl, body)).status).toBe(200);
    return id;
  }

  it('applies a click by an allowed user once and updates the message to show who did it', async () => {
    const { approve: button, messageTs } = await card();
    expect(button).toMatchObject({ value: '/testapprove amazon-us', text: { text: 'Approve' } });
    const before = await marketPotential('amazon-us');

    await click(ALICE, button, messageTs);
    const update = await fake.waitFor('chat.update of the card', () => fake.callsTo('chat.update').find((c) => c.params.ts === messageTs));
    expect(update.params.channel).toBe('C0OPS');
    expect(update.params.text).toContain(`Market potential of amazon-us is now ${before + 1}`);
    expect(buttons(update.params.blocks)).toEqual([]);
    expect(JSON.stringify(update.params.blocks)).toContain(`Approve · pressed by <@${ALICE}>`);

    // Pressed again (a double click): nothing more happens.
    await click(ALICE, button, messageTs);
    const again = await fake.waitFor('the "already pressed" note', () => fake.callsTo('chat.postEphemeral').find((c) => String(c.params.text).includes('already pressed')));
    expect(again.params.user).toBe(ALICE);
    expect(await marketPotential('amazon-us')).toBe(before + 1);
    expect(await demo.db.auditEvent.count({ where: { action: 'test.approve' } })).toBe(1);
    expect(fake.callsTo('chat.update').filter((c) => c.params.ts === messageTs)).toHaveLength(1);
  });

  it('refuses a click by a user who may not, ephemerally, and changes nothing', async () => {
    const { approve: button, messageTs } = await card();
    const before = await marketPotential('amazon-us');
    const audits = await demo.db.auditEvent.count();

    await click(BOB, button, messageTs);
    const refusal = await fake.waitFor('the refusal', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === BOB && String(c.params.text).includes('/testapprove')));
    expect(refusal.params.channel).toBe('C0OPS');
    expect(String(refusal.params.text)).toContain('needs the role manager');
    expect(await marketPotential('amazon-us')).toBe(before);
    expect(await demo.db.auditEvent.count()).toBe(audits);
    expect(fake.callsTo('chat.update').filter((c) => c.params.ts === messageTs)).toEqual([]);

    // The button still works for someone who may press it.
    await click(ALICE, button, messageTs);
    await fake.waitFor('chat.update after the manager', () => fake.callsTo('chat.update').find((c) => c.params.ts === messageTs));
    expect(await marketPotential('amazon-us')).toBe(before + 1);
  });

  it('replaces the message through response_url when Slack will not let the bot edit it', async () => {
    const { approve: button, messageTs } = await card();
    fake.failNext('chat.update', 'cant_update_message');
    const id = await click(ALICE, button, messageTs);
    const replaced = await fake.nthResponse(id);
    expect(replaced.body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(replaced.body.blocks)).toContain(`Approve · pressed by <@${ALICE}>`);
    expect(slack.logs.some((l) => l.call === 'chat.update' && l.error === 'cant_update_message')).toBe(true);
  });

  it('answers a read button beside the message and leaves the message as it was', async () => {
    const { look, messageTs } = await card();
    const id = await click(BOB, look, messageTs);
    const answer = await fake.nthResponse(id);
    expect(answer.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(answer.body.text).toContain('Stock · WB-500');
    expect(fake.callsTo('chat.update').filter((c) => c.params.ts === messageTs)).toEqual([]);
  });

  it('says a button it did not render no longer works', async () => {
    const fixture = fixtureJson<{ actions: Array<{ action_id: string; value: string; text: { text: string } }> }>('slack-block-actions.json');
    const [foreign] = fixture.actions;
    if (!foreign) throw new Error('fixture has no action');
    // An ops: button whose value is not a command (e.g. from an older version of the bot).
    const id = await click(BOB, { ...foreign, action_id: 'ops:0:gone', value: foreign.value }, next('1700000600.'));
    const note = await fake.waitFor('the stale-button note', () => fake.callsTo('chat.postEphemeral').find((c) => String(c.params.text).includes('no longer works')));
    expect(note.params.user).toBe(BOB);
    expect(fake.responses.filter((r) => r.id === id)).toEqual([]);
  });
});
