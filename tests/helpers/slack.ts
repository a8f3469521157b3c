/**
 * Slack test helpers: the shared real payload fixtures, request signing exactly as Slack signs,
 * and a real Slack adapter (real Bolt receiver, real pipeline, real SQLite) wired to a fake Slack.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Pipeline } from '../../src/bot/pipeline.ts';
import { createRegistry } from '../../src/core/tools/index.ts';
import type { ToolDefinition } from '../../src/core/tool.ts';
import { createLogger } from '../../src/logging.ts';
import type { Db } from '../../src/persistence/db.ts';
import { createSlackBot, type SlackBot, type SlackSettings } from '../../src/adapters/slack/app.ts';
import { offlineInterpreter } from '../../src/nl/router/index.ts';
import type { FakeSlack } from '../fakes/slack-api.ts';

/** The shared platform fixtures (../shared/fixtures/platform, beside the repository). */
export const PLATFORM_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'platform');

/** A fixture file's text. */
export function fixtureText(name: string): string {
  return readFileSync(join(PLATFORM_FIXTURES, name), 'utf8');
}

/** A JSON fixture, parsed (a fresh copy each call, so tests may change it). */
export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** The signing secret our test apps use (the one of Slack's own signing example). */
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const BOT_TOKEN = 'xoxb-1111-2222-faketoken';
export const APP_TOKEN = 'xapp-1-A111-3333-faketoken';

/** Slack's signature of `body` at `timestamp` (seconds): v0= + HMAC-SHA256 of "v0:ts:body". */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers of a signed request, as Slack sends them. */
export function signedHeaders(body: string, options: { secret?: string; timestamp?: number; contentType?: string } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body),
  };
}

/**
 * The shared slash-command fixture (form-encoded, as Slack posts it) with our command, text,
 * user and response_url in place of the example's.
 */
export function slashCommandBody(fields: { command: string; text: string; userId: string; responseUrl: string; triggerId?: string; channelId?: string }): string {
  const form = new URLSearchParams(fixtureText('slack-slash-command.txt'));
  form.set('command', fields.command);
  form.set('text', fields.text);
  form.set('user_id', fields.userId);
  form.set('response_url', fields.responseUrl);
  if (fields.triggerId) form.set('trigger_id', fields.triggerId);
  if (fields.channelId) form.set('channel_id', fields.channelId);
  return form.toString();
}

/** The shared block_actions fixture, clicking `action` of a message, form-encoded as on the wire. */
export function blockActionsBody(fields: {
  userId: string;
  actionId: string;
  value: string;
  label: string;
  triggerId: string;
  channelId: string;
  messageTs: string;
  responseUrl: string;
  ephemeral?: boolean;
  actionType?: string;
}): string {
  const payload = fixtureJson<Record<string, unknown> & { actions: Array<Record<string, unknown>>; user: Record<string, unknown> }>('slack-block-actions.json');
  payload.user = { ...payload.user, id: fields.userId };
  payload.trigger_id = fields.triggerId;
  payload.container = { type: 'message', message_ts: fields.messageTs, channel_id: fields.channelId, is_ephemeral: fields.ephemeral ?? false };
  payload.channel = { id: fields.channelId, name: 'ops' };
  payload.response_url = fields.responseUrl;
  payload.team = { id: 'T111', domain: 'fake' };
  payload.actions = [{ ...payload.actions[0], type: fields.actionType ?? 'button', action_id: fields.actionId, value: fields.value, text: { type: 'plain_text', text: fields.label, emoji: true } }];
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * A view_submission of one of our modals, form-encoded as on the wire (shape of Slack's
 * view_submission payload reference; the shared fixtures have no modal): `view` is what the bot
 * opened with views.open, `answer` what the person typed into its input.
 */
export function viewSubmissionBody(fields: { userId: string; view: Record<string, unknown>; viewId: string; answer: string }): string {
  const blocks = (fields.view.blocks ?? []) as Array<{ block_id?: string; element?: { action_id?: string } }>;
  const input = blocks.find((b) => b.element?.action_id !== undefined);
  const payload = {
    type: 'view_submission',
    team: { id: 'T111', domain: 'fake' },
    user: { id: fields.userId, username: 'someone', name: 'someone', team_id: 'T111' },
    api_app_id: 'A111',
    token: 'verification-token-unused',
    trigger_id: `${Date.now()}.view.trigger`,
    view: {
      ...fields.view,
      id: fields.viewId,
      team_id: 'T111',
      app_id: 'A111',
      bot_id: 'B0OPSBOT',
      hash: '1700000000.hash',
      state: { values: input?.block_id && input.element?.action_id ? { [input.block_id]: { [input.element.action_id]: { type: 'plain_text_input', value: fields.answer } } } : {} },
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** The shared app_mention event_callback with our text, user, ids. */
export function eventCallback(fields: { eventId: string; type?: 'app_mention' | 'message'; text: string; userId: string; channel: string; ts: string; threadTs?: string; channelType?: string }): Record<string, unknown> {
  const body = fixtureJson<Record<string, unknown> & { event: Record<string, unknown> }>('slack-app-mention.json');
  body.event_id = fields.eventId;
  body.event = {
    ...body.event,
    type: fields.type ?? 'app_mention',
    text: fields.text,
    user: fields.userId,
    channel: fields.channel,
    ts: fields.ts,
    event_ts: fields.ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    ...(fields.channelType ? { channel_type: fields.channelType } : {}),
  };
  return body;
}

/** A Slack adapter running for real against a fake Slack. */
export interface RunningSlackBot {
  bot: SlackBot;
  pipeline: Pipeline;
  /** Where Bolt listens (HTTP mode: POST /slack/events; both: GET /healthz). */
  baseUrl: string;
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts the real Slack adapter on `db`, talking to `fake`. */
export async function startSlackBot(options: {
  db: Db;
  fake: FakeSlack;
  mode?: SlackSettings['mode'];
  tools?: readonly ToolDefinition[];
  now?: Date;
  workingNoticeMs?: number;
}): Promise<RunningSlackBot> {
  const logs: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const now = options.now ? () => options.now as Date : undefined;
  const registry = createRegistry(options.tools);
  // As npm start builds it without a model: questions go through the offline router.
  const pipeline = new Pipeline({ db: options.db, registry, logger, interpret: offlineInterpreter(options.db, registry, now), ...(now ? { now } : {}) });
  const mode = options.mode ?? 'http';
  const bot = createSlackBot(
    { pipeline, db: options.db, logger, ...(now ? { now } : {}) },
    {
      mode,
      botToken: BOT_TOKEN,
      signingSecret: mode === 'http' ? SIGNING_SECRET : undefined,
      appToken: mode === 'socket' ? APP_TOKEN : undefined,
      apiUrl: options.fake.apiUrl,
      port: 0,
      host: '127.0.0.1',
      apiRetries: 0,
      // Long enough that a normal answer never shows "working…"; tests of it set 0 and hold the tool.
      workingNoticeMs: options.workingNoticeMs ?? 60_000,
    },
  );
  const { port } = await bot.start();
  return { bot, pipeline, baseUrl: `http://127.0.0.1:${port}`, logs, stop: () => bot.stop() };
}

/** Posts a signed request to the bot's /slack/events. */
export async function postSigned(baseUrl: string, body: string, options: Parameters<typeof signedHeaders>[1] = {}): Promise<Response> {
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers: signedHeaders(body, options), body });
}
