/**
 * Two bot processes on one PostgreSQL database, as behind a load balancer: `npm start` twice in
 * Slack HTTP mode (different ports, the same DATABASE_URL), talking to one fake Slack Web API on
 * loopback. Everything the instances must agree on goes through the database: the delivery
 * ledger (an event Slack sends to both is answered once), the approval (the same Approve click
 * arriving at both at once applies once), the notification outbox (the approval card is
 * posted once although both instances deliver the outbox), and the scheduled jobs: both start
 * after the day's digest time (DIGEST_TIME=00:00) on a database where the Amazon PII purge never
 * ran, so both run the digest and the purge at start, at the same moment, and the job leases let
 * one of them do each. Each still answers its own commands.
 *
 * Runs only in the `postgresql` vitest project (it needs a server; see vitest.config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/persistence/db.ts';
import { FakeSlack, type SlackCall } from '../fakes/slack-api.ts';
import { childEnv } from '../helpers/child-env.ts';
import { createDatabase, dropDatabase, freshDatabaseName, postgresTestServer } from '../helpers/postgres.ts';
import { BOT_TOKEN, SIGNING_SECRET, blockActionsBody, eventCallback, postSigned, slashCommandBody } from '../helpers/slack.ts';

const repo = join(import.meta.dirname, '..', '..');
const BOB = 'U0BOB0001'; // staff, owns amazon-us
const ALICE = 'U0ALICE01'; // manager
const ERIN = 'U0ERIN001'; // admin
const CHANNEL = 'C0APPROVALS';
const DIGEST_CHANNEL = 'C0DIGEST';

interface Instance {
  child: ChildProcess;
  baseUrl: string;
  stderr: () => string;
}

let serverUrl: string;
let database: string;
let db: Db;
let fake: FakeSlack;
let a: Instance;
let b: Instance;
let seq = 0;
/** Purge audit events before the instances started. */
let purgesBefore = 0;
const next = (prefix: string) => `${prefix}${(seq += 1)}`;

/** `npm start` in Slack HTTP mode on a free port; resolves once it listens. */
async function startInstance(url: string): Promise<Instance> {
  // Info level: the jobs say which instance ran them (the lease holder) and which skipped.
  const env = {
    DATABASE_URL: url,
    LOG_LEVEL: 'info',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DIGEST_CHANNEL,
    DIGEST_TIME: '00:00',
  };
  // Its own process group, so the test can stop npm and everything it started.
  const child = spawn('npm', ['start', '--silent'], { cwd: repo, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      const match = /listening on port (\d+)/.exec(stderr);
      if (match) resolve(Number(match[1]));
    });
    child.on('close', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
  });
  return { child, baseUrl: `http://127.0.0.1:${port}`, stderr: () => stderr };
}

/** SIGTERM to the instance's process group; resolves when every process in it has ended. */
async function stopInstance(instance: Instance | undefined): Promise<void> {
  const child = instance?.child;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  await closed;
}

/** A signed slash command to `instance`; resolves with its first answer through response_url. */
async function command(instance: Instance, userId: string, name: string, text: string): Promise<Record<string, unknown>> {
  const id = next('cmd');
  const body = slashCommandBody({ command: name, text, userId, responseUrl: fake.responseUrl(id), triggerId: next('trigger.'), channelId: 'C0OPS' });
  expect((await postSigned(instance.baseUrl, body)).status).toBe(200);
  return (await fake.nthResponse(id)).body;
}

/** Sends a mention to `instance` and resolves with the bot's answer in its thread (lets that instance's earlier work settle). */
async function probe(instance: Instance): Promise<SlackCall> {
  const ts = `1610243${String((seq += 1)).padStart(3, '0')}.000100`;
  const event = JSON.stringify(eventCallback({ eventId: next('EvProbe'), text: `<@${fake.botUserId}> whoami`, userId: BOB, channel: 'C0OPS', ts }));
  expect((await postSigned(instance.baseUrl, event, { contentType: 'application/json' })).status).toBe(200);
  return fake.waitFor(`the probe answer ${ts}`, () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
}

/** Polls `read` until it gives a value; fails naming `what` after a while (asserts nothing about speed). */
async function until<T>(what: string, read: () => Promise<T | null | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never saw ${what}`);
}

/** The JSON log lines an instance wrote to stderr. */
function logLines(instance: Instance): Array<Record<string, unknown>> {
  return instance
    .stderr()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

beforeAll(async () => {
  const server = await postgresTestServer();
  serverUrl = server.serverUrl;
  database = freshDatabaseName('ops_two');
  const url = await createDatabase(serverUrl, database, server.demoTemplate);
  db = createDb(url);
  for (const [handle, slackUserId] of [['bob', BOB], ['alice', ALICE], ['erin', ERIN]] as const) {
    await db.teamMember.update({ where: { handle }, data: { slackUserId } });
  }
  purgesBefore = await db.auditEvent.count({ where: { action: 'customer.pii-purge' } });
  fake = await FakeSlack.start();
  [a, b] = await Promise.all([startInstance(url), startInstance(url)]);
});

afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await fake?.stop();
  await db?.$disconnect();
  if (database) await dropDatabase(serverUrl, database);
});

describe('two instances on one PostgreSQL database', () => {
  it('each answers its own slash commands', async () => {
    const [fromA, fromB] = await Promise.all([command(a, BOB, '/stock', 'WB-500'), command(b, BOB, '/stock', 'BT-100')]);
    expect(fromA.text).toContain('Stock · WB-500');
    expect(fromB.text).toContain('Stock · BT-100');
  });

  it('answers an event delivered to both once', async () => {
    const ts = '1610242100.000100';
    const eventId = next('EvBoth');
    const event = JSON.stringify(eventCallback({ eventId, text: `<@${fake.botUserId}> stock WB-500`, userId: BOB, channel: 'C0OPS', ts }));
    const statuses = await Promise.all([a, b].map(async (instance) => (await postSigned(instance.baseUrl, event, { contentType: 'application/json' })).status));
    expect(statuses).toEqual([200, 200]);
    await fake.waitFor('the answer to the event', () => fake.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts));
    // Let both finish whatever they were doing with it, then count.
    await Promise.all([probe(a), probe(b)]);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
    expect(await db.processedEvent.count({ where: { key: `slack:event:${eventId}` } })).toBe(1);
  });

  it('applies an approval clicked on both at once exactly once, and posts its card once', async () => {
    const budget = await db.budget.findFirstOrThrow({ where: { platform: { code: 'amazon-us' }, purpose: 'ads', period: '2026-12' } });
    const approvalsAudited = await db.auditEvent.count({ where: { action: 'budget.approve' } });
    const answer = await command(a, BOB, '/budget', 'request amazon-us +500 2026-12 two instances, one approval');
    const label = /BR-\d+/.exec(String(answer.text))?.[0];
    if (!label) throw new Error(`no request in ${String(answer.text)}`);
    const requestId = Number(label.slice(3));
    // Both instances deliver the outbox; the card goes out once, from whichever claimed it.
    const card = await fake.waitFor(`the card of ${label}`, () => fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'approvals' && String(c.params.text).includes(label)));
    // The instance that posted it records the message's ts right after Slack answered.
    const posted = await until(`the ts of ${label}'s card`, () => db.notification.findFirst({ where: { subject: label, topic: 'budget.request', postedMessage: { not: null } } }));
    const approve = ((card.params.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id: string; value: string; text: { text: string } }> }>)
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements ?? [])
      .find((button) => button.value === `/budget approve ${label}`);
    if (!approve || !posted.postedMessage) throw new Error('the card has no Approve button, or its ts was not recorded');

    // Alice's click reaches instance A while Erin's click on the same button reaches instance B.
    const click = (userId: string) => {
      const id = next('click');
      return { id, body: blockActionsBody({ userId, actionId: approve.action_id, value: approve.value, label: approve.text.text, triggerId: next('trigger.click.'), channelId: CHANNEL, messageTs: posted.postedMessage!, responseUrl: fake.responseUrl(id) }) };
    };
    const [alice, erin] = [click(ALICE), click(ERIN)];
    const statuses = await Promise.all([postSigned(a.baseUrl, alice.body), postSigned(b.baseUrl, erin.body)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    // The decision lands on the card once; let both instances settle before counting.
    await fake.waitFor('the decision on the card', () => fake.callsTo('chat.update').find((c) => c.params.ts === posted.postedMessage && /Approved by/.test(String(c.params.text))));
    await Promise.all([probe(a), probe(b)]);
    // The other click was taken on too, and told that nothing more happens.
    const note = await fake.waitFor('the note to the second clicker', () => fake.callsTo('chat.postEphemeral').find((c) => c.params.user === ALICE || c.params.user === ERIN));
    expect(String(note.params.text)).toMatch(/already/);

    const request = await db.budgetChangeRequest.findUniqueOrThrow({ where: { id: requestId }, include: { decisions: true } });
    expect(request.status).toBe('approved');
    expect(request.decisions).toHaveLength(1);
    expect(await db.budgetLedgerEntry.count({ where: { requestId } })).toBe(1);
    const after = await db.budget.findUniqueOrThrow({ where: { id: budget.id } });
    expect(Number(after.amount)).toBe(Number(budget.amount) + 500);
    expect(after.version).toBe(budget.version + 1);
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'approvals' && String(c.params.text).includes(label))).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: 'budget.approve' } })).toBe(approvalsAudited + 1);
  });

  it('runs the scheduled jobs on one instance: one digest, posted once, and one purge', async () => {
    // Both instances ran the digest at start; it reaches the channel once, when an outbox pump takes it.
    const post = await fake.waitFor('the digest in its channel', () => fake.callsTo('chat.postMessage').find((c) => c.params.channel === DIGEST_CHANNEL), 60_000);
    expect(String(post.params.text)).toContain('Stock digest');
    const digest = await until('the digest delivered', () => db.notification.findFirst({ where: { topic: 'stock.digest', postedMessage: { not: null } } }));
    const day = digest.subject.replace('digest ', '');
    // Let both instances finish what they were doing, then count.
    const logsOf = (instance: Instance) => logLines(instance).filter((l) => l.job === 'stock-digest');
    await until('both instances’ word on the digest', async () => (logsOf(a).length > 0 && logsOf(b).length > 0 ? true : null));
    await until('the purge', async () => ((await db.auditEvent.count({ where: { action: 'customer.pii-purge' } })) > purgesBefore ? true : null));
    await Promise.all([probe(a), probe(b)]);

    expect(await db.notification.count({ where: { topic: 'stock.digest' } })).toBe(1);
    expect(digest).toMatchObject({ channel: DIGEST_CHANNEL, deliveredVia: 'slack' });
    expect(fake.callsTo('chat.postMessage').filter((c) => c.params.channel === DIGEST_CHANNEL)).toHaveLength(1);
    // Its buttons are typed /stock commands.
    const buttons = ((post.params.blocks ?? []) as Array<{ type: string; elements?: Array<{ value?: string }> }>)
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements ?? []);
    for (const button of buttons) expect(button.value).toMatch(/^\/stock \S+ \S+$/);

    // One instance made it, holding the day's lease; the other skipped, naming that holder.
    const [fromA, fromB] = [logsOf(a), logsOf(b)];
    const made = [...fromA, ...fromB].filter((l) => l.msg === 'stock digest made');
    const skipped = [...fromA, ...fromB].filter((l) => l.msg !== 'stock digest made');
    expect(made).toHaveLength(1);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.msg).toBe('stock digest skipped: another instance holds the day’s lease');
    const holders = [fromA[0]?.holder, fromB[0]?.holder];
    expect(new Set(holders).size).toBe(2);
    const lease = await db.jobLease.findUniqueOrThrow({ where: { name: `inventory:stock-digest:${day}` } });
    expect(lease.holder).toBe(made[0]?.holder);
    expect(skipped[0]?.heldBy).toBe(lease.holder);

    // The purge ran once, as the system, by one of the two instances.
    const purges = await db.auditEvent.findMany({ where: { action: 'customer.pii-purge' }, orderBy: { id: 'desc' } });
    expect(purges).toHaveLength(purgesBefore + 1);
    expect(purges[0]).toMatchObject({ actor: 'system', via: 'job' });
    const purgeLease = await db.jobLease.findUniqueOrThrow({ where: { name: 'customers:amazon-pii-purge' } });
    expect(holders).toContain(purgeLease.holder);
    const purgeRuns = [a, b].map((instance) => logLines(instance).filter((l) => l.job === 'amazon-pii-purge' && l.msg === 'customer job ran').length);
    expect(purgeRuns.sort()).toEqual([0, 1]);
  });

  it('stops both cleanly on SIGTERM, with no stack trace and no secret in the output', async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    for (const instance of [a, b]) {
      expect(instance.stderr()).toContain('Stopping Slack…');
      expect(instance.stderr()).not.toMatch(/Error|at .*:\d+:\d+/);
      expect(instance.stderr()).not.toContain(SIGNING_SECRET);
      expect(instance.stderr()).not.toContain(BOT_TOKEN);
    }
  });
});
