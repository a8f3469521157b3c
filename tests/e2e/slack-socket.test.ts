/**
 * Slack in Socket Mode, end to end on loopback: Bolt's SocketModeReceiver opens its connection
 * through a fake apps.connections.open, the fake's WebSocket says hello and then delivers
 * envelopes in the shared fixture's shape; the bot acks each and answers through the fake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoDb, type DemoDb } from '../helpers/demo-db.ts';
import { FakeSlack } from '../fakes/slack-api.ts';
import { APP_TOKEN, fixtureJson, fixtureText, startSlackBot, type RunningSlackBot } from '../helpers/slack.ts';

const BOB = 'U0BOB0001';

let demo: DemoDb;
let fake: FakeSlack;
let slack: RunningSlackBot;

beforeAll(async () => {
  demo = await openDemoDb();
  await demo.db.teamMember.update({ where: { handle: 'bob' }, data: { slackUserId: BOB } });
  fake = await FakeSlack.start();
  slack = await startSlackBot({ db: demo.db, fake, mode: 'socket' });
});

afterAll(async () => {
  await slack?.stop();
  await fake?.stop();
  await demo?.dispose();
});

/** The socket-mode app_mention fixture, with our envelope id, event id and text. */
function mentionEnvelope(envelopeId: string, eventId: string, text: string, ts: string): Record<string, unknown> {
  const envelope = fixtureJson<{ envelope_id: string; payload: { event_id: string; event: Record<string, unknown> } }>('slack-socket-mode-envelope-app-mention.json');
  envelope.envelope_id = envelopeId;
  envelope.payload.event_id = eventId;
  envelope.payload.event = { ...envelope.payload.event, text, user: BOB, channel: 'C0OPS', ts, event_ts: ts };
  return envelope;
}

describe('Socket Mode', () => {
  it('connects through apps.connections.open with the app-level token', () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(APP_TOKEN);
    expect(fake.socketCount).toBe(1);
  });

  it('acks a slash command envelope and answers through response_url', async () => {
    const payload = Object.fromEntries(new URLSearchParams(fixtureText('slack-slash-command.txt')));
    Object.assign(payload, { command: '/stock', text: 'WB-500', user_id: BOB, response_url: fake.responseUrl('socket-cmd'), api_app_id: 'A111', is_enterprise_install: 'false' });
    fake.sendEnvelope({ envelope_id: 'env-cmd-1', type: 'slash_commands', accepts_response_payload: true, payload });
    await fake.waitFor('the ack', () => fake.acks.find((a) => a.envelope_id === 'env-cmd-1'));
    const answer = await fake.nthResponse('socket-cmd');
    expect(answer.body.response_type).toBe('in_channel');
    expect(answer.body.text).toContain('Stock · WB-500');
  });

  it('answers the fixture’s retried app_mention in a thread, and a redelivery of it not again', async () => {
    const ts = '1610241741.000200';
    fake.sendEnvelope(mentionEnvelope('env-ev-1', 'Ev0SOCKET1', `<@${fake.botUserId}> stock WB-500 amazon-us`, ts));
    await fake.waitFor('the ack', () => fake.acks.find((a) => a.envelope_id === 'env-ev-1'));
    const post = await fake.waitFor('the answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
    expect(post.params.text).toContain('WB-500');
    expect(post.params.text).toContain('amazon-us');

    // Slack redelivers the same event (new envelope, same event_id).
    fake.sendEnvelope(mentionEnvelope('env-ev-2', 'Ev0SOCKET1', `<@${fake.botUserId}> stock WB-500 amazon-us`, ts));
    await fake.waitFor('the second ack', () => fake.acks.find((a) => a.envelope_id === 'env-ev-2'));
    const probeTs = '1610241742.000300';
    fake.sendEnvelope(mentionEnvelope('env-ev-3', 'Ev0SOCKET2', `<@${fake.botUserId}> whoami`, probeTs));
    await fake.waitFor('the probe answer', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === probeTs));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
  });

  it('keeps its one connection all along (no reconnects that would lose deliveries)', () => {
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(fake.socketCount).toBe(1);
    expect(slack.logs.filter((l) => String(l.msg).includes('Failed to send ping'))).toEqual([]);
  });

  it('serves /healthz', async () => {
    const health = await fetch(`${slack.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', mode: 'socket', database: 'ok' });
  });
});
